package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.Workspace;
import dev.drover.cli.render.RevisionFormatter;
import dev.drover.env.Lineage;
import dev.drover.orchestrator.command.BranchPointView;
import dev.drover.orchestrator.command.RevisionView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover branches}: every branch point and what it branches into (Alembic's {@code branches}). */
@Command(name = "branches", mixinStandardHelpOptions = true,
        description = "Show current branch points.")
public final class BranchesCommand implements Callable<Integer> {

    @ParentCommand
    DroverCommand drover;

    @Override
    public Integer call() {
        Workspace workspace = drover.workspace();
        PrintWriter out = drover.environment().out();
        LineageHeaders headers = new LineageHeaders(workspace.lineages(), out);
        for (Lineage lineage : workspace.lineages()) {
            headers.print(lineage);
            for (BranchPointView point : workspace.scriptCommands(lineage).branches()) {
                RevisionView at = point.branchPoint();
                out.println(drover.options().verbose() ? RevisionFormatter.logEntry(at) : RevisionFormatter.line(at, true, false, false, true));
                String indent = " ".repeat(at.id().length());
                for (RevisionView branch : point.branches()) {
                    out.println(indent + " -> " + RevisionFormatter.line(branch, true, drover.options().verbose(), false, true));
                }
                out.println();
            }
        }
        return 0;
    }
}
