package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.api.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover stamp REV... [--purge]}: sets the version table without running any script. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = "'stamp' the revision table with the given revision(s); don't run any migrations.")
public final class StampCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Parameters(arity = "1..*", paramLabel = "REV", description = "Revision(s) to stamp: ids, heads, base, <label>@head.")
    List<String> revisions = new ArrayList<>();

    @Option(names = "--purge", description = "Unconditionally erase the version table before stamping"
            + " (also the repair of a half-applied revision).")
    boolean purge;

    @Mixin
    RunOptionsMixin run;

    @Override
    public Integer call() {
        return run.execute(drover, Operation.stamp(revisions, purge));
    }
}
