package dev.drover.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The one rule every module checks about its own packages: no two of them depend on each other,
 * directly or through others. A cycle means neither package can be understood, tested or moved
 * without the other; break it by moving the composing class up to the package (or module) that
 * uses both.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /**
     * Fails with ArchUnit's description of every cycle among the packages of {@code rootPackage} and
     * its sub-packages (production classes only); each package is a slice of its own, so a cycle
     * between a package and its own sub-package counts too.
     *
     * @throws AssertionError when a cycle exists
     */
    public static void assertNone(String rootPackage) {
        slices().matching("dev.drover.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(rootPackage));
    }
}
