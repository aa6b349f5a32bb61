package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.FleetListener;
import dev.drover.api.Offboarding;
import dev.drover.api.Onboarding;
import dev.drover.api.Selection;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.orchestrator.report.ReportJson;
import dev.drover.cli.render.RunRenderer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover tenant add|remove NAME}: one tenant's lifecycle, through the Java API's onboarding. */
@Command(name = "tenant", mixinStandardHelpOptions = true,
        description = "Add a tenant (create its schema, migrate it to head, all or nothing) or remove one.",
        subcommands = {TenantCommand.Add.class, TenantCommand.Remove.class})
public final class TenantCommand implements Runnable {

    @ParentCommand
    CommandContext drover;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(drover.environment().out());
    }

    /** The one section {@code --name} names, or the registry's only section. */
    static String section(CommandContext drover, Drover api) {
        List<String> names = drover.options().names();
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.isEmpty() && api.sections().size() == 1) {
            return api.sections().get(0);
        }
        throw CliException.usage("name the tenant's section with --name SECTION (one of " + api.sections() + ")");
    }

    /** {@code drover tenant add NAME [--name SECTION]}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Create the tenant's schema (MariaDB:"
            + " database; {tenant} in the url: its database) when the section's create_schema allows, and migrate it to head. If the migration fails,"
            + " what was created is dropped again. List the tenant in the section for later fleet runs.",
        "Exit code 0 when the tenant is at head, 1 when the migration failed, 2 for a refused name or section."})
    static final class Add implements Callable<Integer> {

        @ParentCommand
        TenantCommand parent;

        @Parameters(paramLabel = "NAME", description = "The tenant (letters, digits, '_', '$', '-').")
        String tenant;

        @Override
        public Integer call() {
            CommandContext drover = parent.drover;
            try (Drover api = ApiClient.open(drover, FleetListener.NONE)) {
                String section = section(drover, api);
                Onboarding onboarding = api.onboard(section, tenant);
                PrintWriter out = drover.environment().out();
                if (onboarding.succeeded() && api.targets(Selection.all().sections(section)).stream()
                        .noneMatch(t -> tenant.equals(t.tenant()))) {
                    drover.warn("tenant '" + tenant + "' is not among the tenants of section [" + section + "] yet;"
                            + " add it to the section's 'tenants' (or its file) so that fleet runs include it");
                }
                if (drover.options().format() == GlobalOptions.OutputFormat.json) {
                    Map<String, Object> document = new LinkedHashMap<>();
                    document.put("target", onboarding.target());
                    document.put("home", onboarding.home());
                    document.put("created", onboarding.created());
                    document.put("oneTransaction", onboarding.oneTransaction());
                    document.put("rolledBack", onboarding.rolledBack());
                    document.put("leftBehind", onboarding.leftBehind());
                    document.put("report", onboarding.report().report());
                    out.println(ReportJson.toJson(document));
                } else {
                    RunRenderer.render(onboarding.report().report(), drover.options().verbose(), out);
                    out.println(describe(onboarding));
                }
                out.flush();
                return onboarding.report().exitCode();
            }
        }

        private static String describe(Onboarding o) {
            if (o.succeeded()) {
                return o.target() + ": " + (o.created() ? home(o) + " created and" : o.home() == null ? "" : home(o) + " existed;")
                        + " at head" + (o.oneTransaction() ? " (in one transaction)" : "");
            }
            if (o.rolledBack() && o.oneTransaction()) {
                return o.target() + ": onboarding failed; CREATE SCHEMA, the version tables and the revisions ran in one"
                        + " transaction, which was rolled back: nothing is left and no other session saw the " + home(o);
            }
            if (o.rolledBack()) {
                return o.target() + ": onboarding failed; the " + home(o) + " it created was dropped again, nothing is left";
            }
            return o.target() + ": onboarding failed" + (o.leftBehind() != null ? "; left behind: " + o.leftBehind()
                    : "; the " + home(o) + " existed before and keeps the revisions that committed (listed above)");
        }

        private static String home(Onboarding o) {
            return o.home() == null ? "database" : o.home();
        }
    }

    /** {@code drover tenant remove NAME --drop [--name SECTION]}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = {"Drop the tenant's schema (MariaDB:"
            + " database; {tenant} in the url: its database) and everything in it; refused without --drop. Remove it from the section's tenants too.",
        "Exit code 0 when dropped (or already gone), 2 without --drop."})
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        TenantCommand parent;

        @Parameters(paramLabel = "NAME", description = "The tenant.")
        String tenant;

        @Option(names = "--drop", description = "Really drop the schema (or database) and all its data.")
        boolean drop;

        @Override
        public Integer call() {
            CommandContext drover = parent.drover;
            try (Drover api = ApiClient.open(drover, FleetListener.NONE)) {
                Offboarding removed = api.offboard(section(drover, api), tenant, drop);
                PrintWriter out = drover.environment().out();
                if (!removed.existed()) {
                    out.println(removed.target() + ": " + removed.home() + " '" + removed.name() + "' does not exist; nothing to drop");
                    return ExitCodes.OK;
                }
                if (!drop) {
                    throw CliException.usage("'tenant remove' drops " + removed.home() + " '" + removed.name() + "' of '"
                            + removed.target() + "' with all its data; add --drop to do so");
                }
                out.println(removed.target() + ": " + removed.home() + " '" + removed.name() + "' dropped");
                return ExitCodes.OK;
            }
        }
    }
}
