package dev.drover.cli;

import dev.drover.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/** No package of this module depends on another that depends back on it. */
class PackageCyclesTest {

    @Test
    void packagesAreFreeOfCycles() {
        PackageCycles.assertNone("dev.drover.cli");
    }
}
