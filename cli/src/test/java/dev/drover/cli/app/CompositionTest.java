package dev.drover.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.api.Drover;
import dev.drover.cli.CliEnvironment;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.Workspace;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Micronaut composition of a run: the options picocli parses are the {@link GlobalOptions} bean, the registry
 * and the facade are built from them on first use (never for {@code --help}), and a factory's failure reaches
 * the user as its own message and exit code.
 */
class CompositionTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CliEnvironment environment() {
        return new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), dir,
                Clock.systemUTC(), new SplittableRandom(7), file -> 0, false);
    }

    @Test
    void helpBuildsNeitherTheRegistryNorTheFacade() {
        try (ApplicationContext context = DroverCli.context(environment())) {
            assertThat(DroverCli.execute(context, new String[] {"--help"}, environment())).isZero();
            assertThat(context.getActiveBeanRegistrations(Workspace.class)).isEmpty();
            assertThat(context.getActiveBeanRegistrations(Drover.class)).isEmpty();
        }
        assertThat(out.toString()).contains("Usage: drover");
    }

    @Test
    void theParsedOptionsChooseTheRegistryOfTheInjectedFacade() throws Exception {
        CliEnvironment environment = environment();
        assertThat(DroverCli.run(new String[] {"init", "fleet", "--template", "multitenant"}, environment)).isZero();
        Files.move(dir.resolve("fleet/drover.ini"), dir.resolve("fleet/other.ini"));
        out.getBuffer().setLength(0);
        try (ApplicationContext context = DroverCli.context(environment)) {
            int code = DroverCli.execute(context, new String[] {"targets", "-c", "fleet/other.ini", "-t", "acme"},
                    environment);

            assertThat(code).as(err.toString()).isZero();
            assertThat(context.getBean(GlobalOptions.class).config()).isEqualTo(Path.of("fleet/other.ini"));
            assertThat(context.getBean(GlobalOptions.class).tenants()).containsExactly("acme");
            assertThat(context.getActiveBeanRegistrations(Drover.class)).hasSize(1);
            assertThat(context.getBean(Drover.class).sections()).containsExactly("app");
        }
        assertThat(out.toString()).contains("app/acme").doesNotContain("app/globex").contains("1 target(s)");
    }

    @Test
    void aMissingRegistryIsAUsageErrorInTheFactorysOwnWords() {
        int code = DroverCli.run(new String[] {"-c", "nowhere/drover.ini", "status"}, environment());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("FAILED: No configuration file '")
                .contains("nowhere/drover.ini").doesNotContain("instantiating").doesNotContain("Bean");
    }
}
