package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script commands over sections with different version locations (separate graphs), through the Java API's
 * {@code Scripts}: listings print each lineage, writers and {@code show} want one chosen with {@code --name}. The
 * servers below do not exist: none of these commands connects.
 */
class ScriptLineagesTest {

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void twoLineages() throws Exception {
        Files.writeString(tmp.resolve("drover.ini"), """
                [drover]
                databases = billing, billing_eu, audit
                [billing]
                url = jdbc:postgresql://127.0.0.1:9/nowhere
                version_locations = %(here)s/billing
                [billing_eu]
                url = jdbc:postgresql://127.0.0.1:9/nowhere_eu
                version_locations = %(here)s/billing
                [audit]
                url = jdbc:postgresql://127.0.0.1:9/audit
                version_locations = %(here)s/audit
                """);
        Files.createDirectories(tmp.resolve("billing"));
        Files.createDirectories(tmp.resolve("audit"));
        Files.writeString(tmp.resolve("billing/aaa001_a.sql"), "-- revision: aaa001\n-- down_revision:\n"
                + "-- message: invoices\n\n-- drover:upgrade\nCREATE TABLE invoices (id INT PRIMARY KEY);\n");
        cli = new CliRun(tmp);
    }

    @Test
    void listingsPrintEveryLineageAndWritersWantOneChosen() {
        CliRun.Result heads = cli.run("heads");
        assertThat(heads.exitCode()).as(heads.toString()).isZero();
        assertThat(heads.out()).contains("# billing, billing_eu (" + tmp.resolve("billing") + ")")
                .contains("aaa001 (head)").contains("# audit (" + tmp.resolve("audit") + ")");

        CliRun.Result refused = cli.run("revision", "-m", "where");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("2 different version locations").contains("choose one with --name SECTION");
        assertThat(cli.run("show", "aaa001").exitCode()).isEqualTo(2);

        CliRun.Result written = cli.run("--name", "audit", "revision", "-m", "audit log", "--rev-id", "eee001");
        assertThat(written.exitCode()).as(written.toString()).isZero();
        assertThat(tmp.resolve("audit/eee001_audit_log.sql")).exists();
        assertThat(cli.run("--name", "audit", "heads").out().strip()).isEqualTo("eee001 (head)");
        assertThat(cli.run("--name", "billing*", "show", "aaa").out()).contains("Rev: aaa001 (head)");

        CliRun.Result json = cli.run("history", "--format", "json");
        assertThat(json.out()).contains("[ \"billing\", \"billing_eu\" ]").contains("\"id\" : \"eee001\"");

        CliRun.Result unknown = cli.run("--name", "nope", "heads");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("nope");
    }
}
