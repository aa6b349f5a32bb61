package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.TargetList;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.TargetsRenderer;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code drover targets}: the resolved target list that fleet commands run on. */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = {"List resolved targets: section, tenant, schema or database, dialect, version table, two_phase"
                + " ('-' where two-phase commit does not exist: it is PostgreSQL only) and masked url.",
            "Tenants from 'query:' sources are discovered over the section's connection."})
public final class TargetsCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Mixin
    ShardOption shard;

    @Override
    public Integer call() {
        TargetList list = api.get().targetList(ApiClient.selection(drover, shard.shard));
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            drover.environment().out().println(TargetsRenderer.json(list));
        } else {
            TargetsRenderer.text(list, drover.environment().out());
            list.refusals().forEach(w -> drover.environment().err().println("WARNING: " + w));
        }
        return 0;
    }
}
