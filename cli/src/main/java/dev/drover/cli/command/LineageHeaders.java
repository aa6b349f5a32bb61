package dev.drover.cli.command;

import dev.drover.env.Lineage;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a header before each lineage's output when a command covers several lineages (sections
 * with different version locations), and nothing when there is one, so single-lineage output is
 * exactly Alembic's.
 */
final class LineageHeaders {

    private final boolean several;
    private final PrintWriter out;
    private boolean first = true;

    LineageHeaders(List<Lineage> lineages, PrintWriter out) {
        this.several = lineages.size() > 1;
        this.out = out;
    }

    void print(Lineage lineage) {
        if (!several) {
            return;
        }
        if (!first) {
            out.println();
        }
        first = false;
        out.println("# " + String.join(", ", lineage.sectionNames()) + " (" + lineage.versionLocations().get(0) + ")");
    }
}
