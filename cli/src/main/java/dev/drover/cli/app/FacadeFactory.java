package dev.drover.cli.app;

import dev.drover.api.Drover;
import dev.drover.api.DroverBuilder;
import dev.drover.api.FleetListener;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CliEnvironment;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.Warnings;
import dev.drover.cli.Workspace;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The composition of one command-line run: the registry's {@link Workspace}, the two-phase journal and the Java
 * API's {@link Drover} facade, each built from the {@link GlobalOptions} picocli parsed. Every bean here is
 * created on first use, so only after parsing, and only when a command asks for it: {@code --help}, {@code init},
 * {@code list-templates} and {@code completion} never load the registry or build the facade. A failure while building one (a missing
 * registry file) reaches the user as the exception the builder threw ({@link ErrorReporter} unwraps it).
 */
@Factory
final class FacadeFactory {

    /** {@code $DROVER_JOURNAL_DIR}, else {@code ~/.drover/journal}: where two-phase decisions are journaled. */
    @Singleton
    @Named("journal")
    Path journal(CliEnvironment environment) {
        return ApiClient.journal(environment);
    }

    /** The registry file ({@code -c}, {@code $DROVER_CONFIG}, {@code ./drover.ini}) and its script lineages. */
    @Singleton
    Workspace workspace(GlobalOptions options, CliEnvironment environment, Warnings warnings) {
        return Workspace.open(options, environment, warnings::warn);
    }

    /**
     * A new builder of the Java API over the registry file, the environment's {@code ${env:..}} values, the
     * {@code -x} placeholders and the journal; the caller adds a listener and loads it.
     */
    @Prototype
    DroverBuilder droverBuilder(GlobalOptions options, CliEnvironment environment, @Named("journal") Path journal) {
        DroverBuilder builder = Drover.configure()
                .registry(Workspace.existingConfigFile(options, environment))
                .environment(environment.env())
                .journal(journal);
        options.x().forEach(builder::placeholder);
        return builder;
    }

    /** The facade the read commands call, its warnings printed once on stderr; closed with the run. */
    @Singleton
    @Bean(preDestroy = "close")
    Drover drover(DroverBuilder builder, Warnings warnings) {
        return builder.listener(new FleetListener() {
            @Override
            public void warning(String message) {
                warnings.warn(message);
            }
        }).load();
    }
}
