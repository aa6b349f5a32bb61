package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.api.Operation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover downgrade REV}: Revert to a previous version. */
@Command(name = "downgrade", mixinStandardHelpOptions = true, description = "Revert to a previous version.")
public final class DowngradeCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Parameters(paramLabel = "REV", description = "The destination: base, a revision (or prefix), <label>@base, -N, <rev>-N; with --sql a range start:end (start required).")
    String revision;

    @Mixin
    RunOptionsMixin run;

    @Override
    public Integer call() {
        return run.execute(drover, Operation.downgrade(revision));
    }
}
