package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.ExitCodes;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import dev.drover.orchestrator.twophase.RecoveryResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover recover}: resolves in-doubt two-phase transactions from the coordinator's journal. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Resolve in-doubt two-phase transactions (PostgreSQL) left by an interrupted run:",
            "COMMIT PREPARED where the journal recorded the commit decision, ROLLBACK PREPARED otherwise (presumed abort).",
            "Safe to run twice. The journal lives in $DROVER_JOURNAL_DIR, else ~/.drover/journal."})
public final class RecoverCommand implements Callable<Integer> {

    @ParentCommand
    DroverCommand drover;

    @Option(names = "--force", description = "Also roll back Drover transactions that no journal knows (orphans);"
            + " only when no other Drover run is active.")
    boolean force;

    @Override
    public Integer call() {
        try (Fleet fleet = TargetSelection.fleet(drover, null, null).withJournal(journalDirectory(drover))) {
            RecoveryResult result = fleet.recover(force);
            PrintWriter out = drover.environment().out();
            if (result.transactions().isEmpty()) {
                out.println("No in-doubt two-phase transactions: nothing to recover.");
                return ExitCodes.OK;
            }
            for (RecoveredTransaction tx : result.transactions()) {
                out.println(tx.gid() + "  " + (tx.targetKey() == null ? "(no journal)" : tx.targetKey()) + "  "
                        + tx.action().label() + (tx.detail() == null ? "" : ": " + tx.detail()));
            }
            return result.unresolved() ? ExitCodes.IN_DOUBT : ExitCodes.OK;
        }
    }

    /** {@code $DROVER_JOURNAL_DIR}, else {@code ~/.drover/journal}: where two-phase decisions are journaled. */
    static Path journalDirectory(DroverCommand drover) {
        String configured = drover.environment().env().get("DROVER_JOURNAL_DIR");
        return configured == null || configured.isBlank()
                ? dev.drover.orchestrator.twophase.TwoPhaseJournal.defaultDirectory()
                : drover.environment().cwd().resolve(configured);
    }
}
