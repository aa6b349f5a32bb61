package dev.drover.orchestrator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.graph.Revision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    private static final Path FILE = Path.of("versions", "3c4d_add_invoices.sql");
    private static final String LABEL = FILE.toString();
    private final ScriptParser parser = new ScriptParser();

    private static final String FULL = """
            -- revision: 3c4d5e6f7a8b
            -- down_revision: 1a2b3c4d5e6f, 0f0f0f0f0f0f
            -- branch_labels: billing, core
            -- depends_on: 9f00aa11bb22

            -- message: add invoices table
            -- create_date: 2026-11-22 10:00:00
            -- transactional: false

            -- drover:upgrade
            CREATE TABLE invoices (id bigint PRIMARY KEY, note text DEFAULT '${tenant}');

            -- drover:downgrade
            DROP TABLE invoices;
            """;

    private MigrationScript parse(String content) {
        return parser.parse(FILE, content);
    }

    private void assertError(String content, int line, String problem) {
        assertThatThrownBy(() -> parse(content))
                .isInstanceOfSatisfying(ScriptParseException.class, e -> {
                    assertThat(e.file()).isEqualTo(LABEL);
                    assertThat(e.line()).isEqualTo(line);
                })
                .hasMessageStartingWith(LABEL + ":" + line + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void parsesHeaderAndSections() {
        MigrationScript script = parse(FULL);
        assertThat(script.revision()).isEqualTo(new Revision("3c4d5e6f7a8b", List.of("1a2b3c4d5e6f", "0f0f0f0f0f0f"),
                List.of("billing", "core"), List.of("9f00aa11bb22"), "add invoices table", LABEL));
        assertThat(script.path()).isEqualTo(FILE);
        assertThat(script.createDate()).isEqualTo("2026-11-22 10:00:00");
        assertThat(script.transactional()).isFalse();
        assertThat(script.upgrade()).isEqualTo(new ScriptSection(
                "CREATE TABLE invoices (id bigint PRIMARY KEY, note text DEFAULT '${tenant}');\n\n", 11));
        assertThat(script.downgrade()).isEqualTo(new ScriptSection("DROP TABLE invoices;\n", 14));
        assertThat(script.checksum()).isEqualTo(ScriptChecksum.of(FULL));
    }

    @Test
    void minimalScriptIsATransactionalBaseWithoutDowngrade() {
        MigrationScript script = parse("-- revision: abc\n-- drover:upgrade\nSELECT 1;");
        assertThat(script.revision().isBase()).isTrue();
        assertThat(script.revision().message()).isEmpty();
        assertThat(script.transactional()).isTrue();
        assertThat(script.createDate()).isEmpty();
        assertThat(script.upgrade()).isEqualTo(new ScriptSection("SELECT 1;", 3));
        assertThat(script.downgrade().text()).isEmpty();
    }

    @Test
    void emptyDownRevisionIsABaseAndListsAreTrimmed() {
        MigrationScript script = parse("-- revision: abc\n-- down_revision:\n-- branch_labels:  a ,b,, c \n"
                + "-- drover:upgrade\n");
        assertThat(script.revision().downRevisions()).isEmpty();
        assertThat(script.revision().branchLabels()).containsExactly("a", "b", "c");
        assertThat(script.upgrade()).isEqualTo(new ScriptSection("", 5));
    }

    @Test
    void crlfAndCrAreNormalisedBeforeParsing() {
        MigrationScript crlf = parse(FULL.replace("\n", "\r\n"));
        MigrationScript cr = parse(FULL.replace("\n", "\r"));
        MigrationScript lf = parse(FULL);
        assertThat(crlf.upgrade()).isEqualTo(lf.upgrade());
        assertThat(cr.downgrade()).isEqualTo(lf.downgrade());
        assertThat(crlf.revision()).isEqualTo(lf.revision());
        assertThat(crlf.checksum()).isEqualTo(lf.checksum()).isEqualTo(cr.checksum());
    }

    @Test
    void byteOrderMarkIsIgnored() {
        assertThat(parse("\uFEFF-- revision: abc\n-- drover:upgrade\n").id()).isEqualTo("abc");
    }

    @Test
    void freeCommentsMayFollowTheHeader() {
        MigrationScript script = parse("-- revision: abc\n\n-- Adds the invoices table.\n-- drover:upgrade\nSELECT 1;\n");
        assertThat(script.upgrade().firstLine()).isEqualTo(5);
    }

    @Test
    void transactionalAcceptsTrueAndFalseOnly() {
        assertThat(parse("-- revision: a\n-- transactional: TRUE\n-- drover:upgrade\n").transactional()).isTrue();
        assertError("-- revision: a\n\n-- transactional: yes\n-- drover:upgrade\n", 3,
                "'transactional' must be 'true' or 'false', not 'yes'");
    }

    @Test
    void missingRevisionIsAnError() {
        assertError("-- message: hi\n-- drover:upgrade\n", 1, "no 'revision' in the header");
    }

    @Test
    void invalidRevisionIdIsAnError() {
        assertError("-- message: hi\n-- revision: ab-cd\n-- drover:upgrade\n", 2, "invalid revision id 'ab-cd'");
        assertError("-- revision: abc\n-- down_revision: x, y.z\n-- drover:upgrade\n", 2, "invalid revision id 'y.z'");
    }

    @Test
    void unknownHeaderKeyListsTheKnownKeys() {
        assertError("-- revision: abc\n-- author: me\n-- drover:upgrade\n", 2, "unknown header key 'author'");
        assertThatThrownBy(() -> parse("-- revision: abc\n-- author: me\n-- drover:upgrade\n"))
                .hasMessageContaining("revision, down_revision, branch_labels, depends_on, message, create_date, "
                        + "transactional");
    }

    @Test
    void statementTimeoutAndLintIgnoresAreReadFromTheHeader() {
        MigrationScript script = parse("-- revision: abc\n-- statement_timeout: 600.5\n"
                + "-- lint_ignore: create-index-not-concurrently   the table is empty in every tenant\n"
                + "-- lint_ignore: set-not-null backfilled and checked in 9f00aa11bb22\n-- drover:upgrade\nSELECT 1;");

        assertThat(script.statementTimeout()).isEqualTo(Duration.ofMillis(600_500));
        assertThat(script.lintIgnores()).containsExactly(
                new LintIgnore("create-index-not-concurrently", "the table is empty in every tenant", 3),
                new LintIgnore("set-not-null", "backfilled and checked in 9f00aa11bb22", 4));
        assertThat(parse("-- revision: abc\n-- drover:upgrade\n").statementTimeout()).isNull();
    }

    @Test
    void aLintIgnoreWithoutAReasonOrABadStatementTimeoutIsAnError() {
        assertError("-- revision: abc\n-- lint_ignore: vacuum-full\n-- drover:upgrade\n", 2,
                "'lint_ignore' needs a rule id and a reason");
        assertError("-- revision: abc\n-- statement_timeout: 10min\n-- drover:upgrade\n", 2,
                "'statement_timeout' must be a number of seconds");
    }

    @Test
    void repeatedHeaderKeyIsAnError() {
        assertError("-- revision: abc\n-- revision: def\n-- drover:upgrade\n", 2, "'revision' given twice (first on line 1)");
    }

    @Test
    void headerKeyBelowTheHeaderBlockIsAnError() {
        assertError("-- revision: abc\n-- Adds invoices\n-- message: late\n-- drover:upgrade\n", 3,
                "header line 'message' outside the header block");
    }

    @Test
    void missingUpgradeMarkerIsAnError() {
        assertError("-- revision: abc\n\n-- just a comment\n", 3, "no '-- drover:upgrade' marker");
        assertError("-- revision: abc\n", 1, "no '-- drover:upgrade' marker");
        assertError("", 1, "no '-- drover:upgrade' marker");
    }

    @Test
    void sqlBetweenHeaderAndUpgradeMarkerIsAnError() {
        assertError("-- revision: abc\n\nCREATE TABLE t (id int);\n-- drover:upgrade\n", 3,
                "SQL before the '-- drover:upgrade' marker");
    }

    @Test
    void duplicateUpgradeMarkerIsAnError() {
        assertError("-- revision: abc\n-- drover:upgrade\nSELECT 1;\n-- drover:upgrade\n", 4,
                "second '-- drover:upgrade' marker (the first is on line 2)");
    }

    @Test
    void duplicateDowngradeMarkerIsAnError() {
        assertError("-- revision: abc\n-- drover:upgrade\n-- drover:downgrade\n\n  -- drover:downgrade  \n", 5,
                "second '-- drover:downgrade' marker");
    }

    @Test
    void downgradeBeforeUpgradeIsAnError() {
        assertError("-- revision: abc\n-- drover:downgrade\nDROP TABLE t;\n-- drover:upgrade\n", 2,
                "'-- drover:downgrade' marker before '-- drover:upgrade'");
    }

    @Test
    void upgradeAfterDowngradeIsAnError() {
        assertError("-- revision: abc\n-- drover:upgrade\n-- drover:downgrade\n-- drover:upgrade\n", 4,
                "'-- drover:upgrade' marker after '-- drover:downgrade'");
    }

    @Test
    void markerWithTrailingTextOrUnknownNameIsAnError() {
        assertError("-- revision: abc\n-- drover:upgrade now\n", 2, "unknown marker '-- drover:upgrade now'");
        assertError("-- revision: abc\n-- drover:upgrade\n-- drover:repeatable\n", 3, "unknown marker");
    }

    @Test
    void markerMayOmitTheSpaceAfterTheDashes() {
        assertThat(parse("-- revision: abc\n--drover:upgrade\nSELECT 1;\n--drover:downgrade\nSELECT 2;")
                .downgrade()).isEqualTo(new ScriptSection("SELECT 2;", 5));
    }

    @Test
    void aHeaderOnlyScriptNamingAClassIsAJavaRevision() {
        MigrationScript script = parse("-- revision: abc\n-- down_revision: def\n-- java: com.example.Backfill\n");
        assertThat(script.javaClass()).isEqualTo("com.example.Backfill");
        assertThat(script.upgrade().text()).isEmpty();
        assertThat(script.revision().downRevisions()).containsExactly("def");
    }

    @Test
    void aJavaRevisionHasNoSqlSectionAndNamesAClass() {
        assertError("-- revision: abc\n-- java: com.example.Backfill\n\n-- drover:upgrade\nSELECT 1;\n", 2,
                "a Java revision's script is header-only");
        assertError("-- revision: abc\n-- java: com.example.Back fill\n", 2, "'java' must name a class");
        assertError("-- revision: abc\n", 1, "no '-- drover:upgrade' marker");
    }
}
