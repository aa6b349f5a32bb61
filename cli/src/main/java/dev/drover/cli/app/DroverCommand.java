package dev.drover.cli.app;

import dev.drover.cli.command.AgentCommand;
import dev.drover.cli.CliEnvironment;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.Workspace;
import dev.drover.cli.command.BranchesCommand;
import dev.drover.cli.command.CheckCommand;
import dev.drover.cli.command.CompletionCommand;
import dev.drover.cli.command.CurrentCommand;
import dev.drover.cli.command.DowngradeCommand;
import dev.drover.cli.command.DriftCommand;
import dev.drover.cli.command.StampCommand;
import dev.drover.cli.command.StatusCommand;
import dev.drover.cli.command.UpgradeCommand;
import dev.drover.cli.command.EditCommand;
import dev.drover.cli.command.HeadsCommand;
import dev.drover.cli.command.HistoryCommand;
import dev.drover.cli.command.InitCommand;
import dev.drover.cli.command.LintCommand;
import dev.drover.cli.command.ListTemplatesCommand;
import dev.drover.cli.command.MergeCommand;
import dev.drover.cli.command.RecoverCommand;
import dev.drover.cli.command.RepairCommand;
import dev.drover.cli.command.RevisionCommand;
import dev.drover.cli.command.ShowCommand;
import dev.drover.cli.command.TargetsCommand;
import dev.drover.cli.command.TenantCommand;
import dev.drover.api.DroverBuilder;
import dev.drover.cli.Warnings;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drover}: the top-level command; its options are the global options of docs/cli.md. */
@Command(name = "drover",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = "Migrates fleets of databases and tenants along an Alembic-style revision graph.",
        subcommands = {
            InitCommand.class,
            ListTemplatesCommand.class,
            RevisionCommand.class,
            MergeCommand.class,
            HeadsCommand.class,
            BranchesCommand.class,
            HistoryCommand.class,
            ShowCommand.class,
            EditCommand.class,
            LintCommand.class,
            TargetsCommand.class,
            CurrentCommand.class,
            UpgradeCommand.class,
            DowngradeCommand.class,
            StampCommand.class,
            StatusCommand.class,
            CheckCommand.class,
            DriftCommand.class,
            RepairCommand.class,
            RecoverCommand.class,
            AgentCommand.class,
            CompletionCommand.class,
            TenantCommand.class,
        },
        footer = {"", "Run 'drover COMMAND --help' for a command's options."})
public final class DroverCommand implements CommandContext, Runnable {

    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    @Inject
    CliEnvironment environment;

    @Inject
    Warnings warnings;

    @Inject
    BeanProvider<Workspace> workspace;

    @Inject
    BeanProvider<DroverBuilder> api;

    @Override
    public void run() {
        spec.commandLine().usage(environment.out());
    }

    @Override
    public GlobalOptions options() {
        return options;
    }

    @Override
    public CliEnvironment environment() {
        return environment;
    }

    /** The configuration and script directories selected by the global options. */
    @Override
    public Workspace workspace() {
        return workspace.get();
    }

    /** Prints {@code WARNING: message} on stderr, once per command however often it comes up. */
    @Override
    public void warn(String message) {
        warnings.warn(message);
    }

    @Override
    public DroverBuilder configureApi() {
        return api.get();
    }
}
