package dev.drover.cli.command;

import dev.drover.api.Check;
import dev.drover.api.CheckReport;
import dev.drover.api.Drover;
import dev.drover.api.Selection;
import dev.drover.api.StatusReport;
import dev.drover.api.TargetState;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.DriftRenderer;
import dev.drover.cli.render.StatusRenderer;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover check}: the deploy gate; exit 1 unless every target is at head with unchanged applied scripts. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that every selected target is at head, with no applied script changed and nothing half-applied.",
            "Exit code 0 when all pass, 1 otherwise."})
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Mixin
    ClusterOption cluster = new ClusterOption();

    @Mixin
    ShardOption shard;

    @Option(names = "--deep", description = "Read every target's own version and history tables instead of the"
            + " PostgreSQL fleet ledger, and fail if a ledger row disagrees with them (with --cluster: read by the agents).")
    boolean deep;

    @Option(names = "--drift", description = "Also fail when a target's schema differs from the other targets of its"
            + " server at the same revision (see 'drover drift').")
    boolean drift;

    @Override
    public Integer call() {
        if (drift && cluster.cluster) {
            throw CliException.usage("check --drift reads every target's schema with this machine's connections, and"
                    + " --cluster opens none; run 'drover check --drift' (or 'drover drift') where the databases are"
                    + " reachable, or drop --drift");
        }
        Selection selection = ApiClient.selection(drover, shard.shard);
        CheckReport check = cluster.read(drover, api, facade -> facade.check(selection,
                Check.standard().deep(deep).drift(drift)));
        render(check);
        return check.passed() ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
    }

    private void render(CheckReport check) {
        StatusReport status = check.status();
        List<String> drifted = check.drift() == null ? List.of() : DriftRenderer.summary(check.drift());
        PrintWriter out = drover.environment().out();
        boolean json = drover.options().format() == GlobalOptions.OutputFormat.json;
        check.ledgerDisagreements().forEach(line -> (json ? drover.environment().err() : out).println("ledger: " + line));
        if (json) {
            out.println(StatusRenderer.json(status));
            drifted.forEach(drover.environment().err()::println);
            return;
        }
        drifted.forEach(out::println);
        for (TargetState state : status.unhealthy()) {
            out.println(state.target() + ": " + StatusRenderer.describe(state));
        }
        int total = status.targets().size();
        out.println(status.checkPassed()
                ? "OK: " + total + " target(s) at head, applied scripts unchanged"
                : "FAILED: " + status.unhealthy().size() + " of " + total + " target(s) not at head or changed;"
                        + " run 'drover upgrade' (or fix the reported scripts)");
        if (check.drift() != null && !check.drift().clean()) {
            out.println("FAILED: schema drift in " + check.drift().drifted().size() + " target(s)"
                    + (check.drift().servers().isEmpty() ? "" : " and " + check.drift().servers().size()
                            + " server group(s)")
                    + "; see 'drover drift'");
        }
    }
}
