package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.api.Operation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover upgrade REV}: Upgrade to a later version. */
@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Upgrade to a later version.")
public final class UpgradeCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Parameters(arity = "0..1", defaultValue = "heads", paramLabel = "REV", description = "The destination: head, heads, a revision (or prefix), <label>@head, +N, <rev>+N; with --sql a range start:end. Default: heads.")
    String revision;

    @Mixin
    RunOptionsMixin run;

    @Override
    public Integer call() {
        return run.execute(drover, Operation.upgrade(revision));
    }
}
