package dev.drover.orchestrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.script.LintIgnore;
import dev.drover.orchestrator.script.ScriptSection;
import dev.drover.orchestrator.script.SqlSyntax;
import dev.drover.orchestrator.script.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each listed dangerous operation is found (file, line, rule, why, rewrite); the safe rewrites never are. */
class LinterTest {

    private static final StatementSplitter SPLITTER = new StatementSplitter();

    /** A section of SQL as revision {@code rev} in {@code rev.sql}, its first statement on line 10. */
    private static LintScript script(String rev, boolean transactional, String sql, boolean mysql, LintIgnore... ignores) {
        return new LintScript(rev, rev + ".sql", "upgrade", transactional,
                SPLITTER.split(new ScriptSection(sql, 10), mysql ? SqlSyntax.MYSQL : SqlSyntax.STANDARD, rev + ".sql"),
                List.of(ignores), true);
    }

    private static List<Finding> pg(String sql) {
        return Linter.forDialect("postgresql").lint(List.of(script("r1", true, sql, false)));
    }

    private static List<Finding> maria(String sql) {
        return Linter.forDialect("mariadb").lint(List.of(script("r1", false, sql, true)));
    }

    private static List<String> rules(List<Finding> findings) {
        List<String> rules = new ArrayList<>();
        findings.forEach(f -> rules.add(f.rule()));
        return rules;
    }

    @Test
    void createIndexWithoutConcurrentlyNamesFileLineWhyAndTheRewrite() {
        List<Finding> findings = pg("SELECT 1;\nCREATE INDEX accounts_plan ON accounts (plan);");

        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.file()).isEqualTo("r1.sql");
        assertThat(f.line()).isEqualTo(11);
        assertThat(f.rule()).isEqualTo("create-index-not-concurrently");
        assertThat(f.why()).contains("blocks every write to 'accounts'");
        assertThat(f.rewrite()).contains("CREATE INDEX CONCURRENTLY").contains("'-- transactional: false'");
        assertThat(f.headline()).isEqualTo("r1.sql:11: create-index-not-concurrently (postgresql, upgrade): " + f.why());
        assertThat(rules(pg("CREATE UNIQUE INDEX IF NOT EXISTS i ON ${schema}.accounts (email)")))
                .containsExactly("create-index-not-concurrently");
    }

    @Test
    void everyListedPostgresOperationIsFound() {
        assertThat(rules(pg("ALTER TABLE accounts ALTER COLUMN plan TYPE text"))).containsExactly("alter-column-type");
        assertThat(rules(pg("ALTER TABLE ONLY accounts ALTER plan SET DATA TYPE bigint"))).containsExactly("alter-column-type");
        assertThat(rules(pg("ALTER TABLE accounts ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid()")))
                .containsExactly("add-column-volatile-default");
        assertThat(rules(pg("ALTER TABLE accounts ADD COLUMN seq bigserial"))).containsExactly("add-column-volatile-default");
        assertThat(rules(pg("ALTER TABLE accounts ADD seen timestamptz NOT NULL DEFAULT clock_timestamp()")))
                .containsExactly("add-column-volatile-default");
        assertThat(rules(pg("ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL"))).containsExactly("set-not-null");
        assertThat(rules(pg("ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance > 0)")))
                .containsExactly("add-constraint-without-not-valid");
        assertThat(pg("ALTER TABLE accounts ADD CONSTRAINT fk FOREIGN KEY (owner) REFERENCES owners (id)"))
                .singleElement().satisfies(f -> assertThat(f.why()).contains("foreign key").contains("referenced table"));
        assertThat(rules(pg("ALTER TABLE accounts ADD FOREIGN KEY (owner) REFERENCES owners (id)")))
                .containsExactly("add-constraint-without-not-valid");
        assertThat(rules(pg("ALTER TABLE accounts ADD CONSTRAINT one_email UNIQUE (email)")))
                .containsExactly("add-unique-without-index");
        assertThat(rules(pg("ALTER TABLE accounts ADD PRIMARY KEY (id)"))).containsExactly("add-unique-without-index");
        assertThat(rules(pg("VACUUM FULL accounts"))).containsExactly("vacuum-full");
        assertThat(rules(pg("VACUUM (FULL, ANALYZE) accounts"))).containsExactly("vacuum-full");
        assertThat(rules(pg("CLUSTER accounts USING accounts_pkey"))).containsExactly("cluster");
        assertThat(rules(pg("CREATE INDEX CONCURRENTLY i ON accounts (plan)"))).containsExactly("concurrently-in-transaction");
        assertThat(rules(pg("ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance > 0) NOT VALID;\n"
                + "ALTER TABLE accounts VALIDATE CONSTRAINT positive"))).containsExactly("validate-in-same-transaction");
        assertThat(rules(pg("ALTER TABLE accounts ALTER COLUMN a TYPE text, ALTER COLUMN b SET NOT NULL")))
                .containsExactly("alter-column-type", "set-not-null");
    }

    @Test
    void thePostgresSafeRewritesAreNeverFound() {
        Linter linter = Linter.forDialect("postgresql");
        assertThat(linter.lint(List.of(script("r1", false, "CREATE INDEX CONCURRENTLY i ON accounts (plan);\n"
                + "DROP INDEX CONCURRENTLY old_i", false)))).isEmpty();
        assertThat(pg("CREATE TABLE invoices (id bigint PRIMARY KEY, total int);\n"
                + "CREATE INDEX invoices_total ON invoices (total);\n"
                + "ALTER TABLE invoices ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES accounts (id);\n"
                + "ALTER TABLE invoices ALTER COLUMN total SET NOT NULL;\n"
                + "ALTER TABLE invoices ADD COLUMN token uuid DEFAULT gen_random_uuid()")).isEmpty();
        assertThat(pg("CREATE TABLE \"Invoices\" (id int); CREATE INDEX i ON \"Invoices\" (id);\n"
                + "CREATE TABLE Lines (id int); CREATE INDEX j ON lines (id)")).isEmpty();
        assertThat(pg("ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance > 0) NOT VALID;\n"
                + "ALTER TABLE accounts ADD CONSTRAINT fk FOREIGN KEY (owner) REFERENCES owners (id) NOT VALID;\n"
                + "ALTER TABLE accounts ADD CONSTRAINT one_email UNIQUE USING INDEX accounts_email;\n"
                + "ALTER TABLE accounts ADD COLUMN plan text NOT NULL DEFAULT 'free';\n"
                + "ALTER TABLE accounts ADD COLUMN created timestamptz DEFAULT now();\n"
                + "ALTER TABLE accounts ALTER COLUMN plan SET DEFAULT 'pro';\n"
                + "VACUUM accounts; ANALYZE accounts")).isEmpty();
        assertThat(pg("INSERT INTO audit VALUES ('CREATE INDEX i ON accounts (x)');\n-- VACUUM FULL accounts\n"
                + "DO $$ BEGIN EXECUTE 'CLUSTER accounts'; END $$;\n/* ALTER TABLE accounts ALTER x TYPE int */ SELECT 1"))
                .isEmpty();
        // NOT VALID, then VALIDATE in the next revision, then SET NOT NULL: the documented way.
        assertThat(linter.lint(List.of(
                script("r1", true, "ALTER TABLE accounts ADD CONSTRAINT plan_nn CHECK (plan IS NOT NULL) NOT VALID", false),
                script("r2", true, "ALTER TABLE accounts VALIDATE CONSTRAINT plan_nn", false),
                script("r3", true, "ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL;\n"
                        + "ALTER TABLE accounts DROP CONSTRAINT plan_nn", false)))).isEmpty();
        // Outside a transaction the NOT VALID addition commits before VALIDATE runs.
        assertThat(linter.lint(List.of(script("r1", false, "ALTER TABLE accounts ADD CONSTRAINT c CHECK (x > 0) NOT VALID;"
                + "\nALTER TABLE accounts VALIDATE CONSTRAINT c", false)))).isEmpty();
    }

    @Test
    void setNotNullWithoutAValidatedCheckOnThatColumnIsStillFound() {
        Linter linter = Linter.forDialect("postgresql");
        assertThat(rules(linter.lint(List.of(
                script("r1", true, "ALTER TABLE accounts ADD CONSTRAINT plan_nn CHECK (plan IS NOT NULL) NOT VALID", false),
                script("r2", true, "ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL", false)))))
                .containsExactly("set-not-null");
        assertThat(rules(linter.lint(List.of(
                script("r1", true, "ALTER TABLE accounts ADD CONSTRAINT tier_nn CHECK (tier IS NOT NULL) NOT VALID", false),
                script("r2", true, "ALTER TABLE accounts VALIDATE CONSTRAINT tier_nn", false),
                script("r3", true, "ALTER TABLE accounts ALTER COLUMN plan SET NOT NULL", false)))))
                .containsExactly("set-not-null");
    }

    @Test
    void everyMariaDbOperationThatCannotRunInstantOrInPlaceIsFound() {
        assertThat(rules(maria("ALTER TABLE accounts MODIFY COLUMN plan VARCHAR(40) NOT NULL")))
                .containsExactly("mariadb-modify-column");
        assertThat(rules(maria("ALTER TABLE `accounts` CHANGE `plan` `tier` VARCHAR(20)"))).containsExactly("mariadb-modify-column");
        assertThat(maria("ALTER TABLE `accounts` CHANGE plan tier INT")).singleElement()
                .satisfies(f -> assertThat(f.why()).contains("'accounts'"));
        assertThat(rules(maria("ALTER TABLE accounts CONVERT TO CHARACTER SET utf8mb4"))).containsExactly("mariadb-table-copy");
        assertThat(rules(maria("ALTER TABLE accounts ADD COLUMN n INT AUTO_INCREMENT UNIQUE"))).containsExactly("mariadb-table-copy");
        assertThat(rules(maria("ALTER TABLE accounts ADD COLUMN total INT AS (a + b) STORED"))).containsExactly("mariadb-table-copy");
        assertThat(rules(maria("ALTER TABLE accounts DROP PRIMARY KEY"))).containsExactly("mariadb-table-copy");
        assertThat(rules(maria("ALTER TABLE accounts ENGINE=InnoDB"))).containsExactly("mariadb-table-copy");
        assertThat(rules(maria("ALTER TABLE accounts ADD COLUMN x INT, ALGORITHM=COPY"))).containsExactly("mariadb-table-copy");
        assertThat(rules(maria("ALTER TABLE accounts ADD CONSTRAINT fk FOREIGN KEY (owner) REFERENCES owners (id)")))
                .containsExactly("mariadb-add-foreign-key");
        assertThat(rules(maria("ALTER TABLE accounts ADD FULLTEXT INDEX ft (name)"))).containsExactly("mariadb-fulltext-index");
        assertThat(rules(maria("CREATE FULLTEXT INDEX ft ON accounts (name)"))).containsExactly("mariadb-fulltext-index");
        assertThat(rules(maria("ALTER TABLE accounts ADD COLUMN x INT, LOCK=SHARED"))).containsExactly("mariadb-lock-option");
    }

    @Test
    void theMariaDbSafeRewritesAreNeverFound() {
        assertThat(maria("ALTER TABLE accounts MODIFY COLUMN plan VARCHAR(40), ALGORITHM=INSTANT;\n"
                + "ALTER TABLE accounts CONVERT TO CHARACTER SET utf8mb4, ALGORITHM=INPLACE, LOCK=NONE;\n"
                + "ALTER TABLE accounts ADD COLUMN x INT;\nALTER TABLE accounts DROP COLUMN y;\n"
                + "ALTER TABLE accounts ADD INDEX i (x);\nCREATE INDEX j ON accounts (x);\n"
                + "ALTER TABLE accounts DROP PRIMARY KEY, ADD PRIMARY KEY (id, tenant);\n"
                + "ALTER TABLE accounts ALTER COLUMN plan SET DEFAULT 'free';\n"
                + "SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE accounts ADD FOREIGN KEY (o) REFERENCES owners (id), "
                + "ALGORITHM=INPLACE, LOCK=NONE")).isEmpty();
        assertThat(maria("CREATE TABLE invoices (id INT PRIMARY KEY, total INT);\n"
                + "ALTER TABLE invoices MODIFY total BIGINT;\nCREATE FULLTEXT INDEX ft ON invoices (total);\n"
                + "# ALTER TABLE accounts MODIFY x INT\nINSERT INTO log VALUES (\"ALTER TABLE accounts ENGINE=MyISAM\")"))
                .isEmpty();
    }

    @Test
    void aLintIgnoreSilencesItsRuleInItsScriptWithTheReason() {
        LintIgnore ignore = new LintIgnore("create-index-not-concurrently", "accounts has 10 rows per tenant", 4);
        List<Finding> findings = Linter.forDialect("postgresql").lint(List.of(
                script("r1", true, "CREATE INDEX i ON accounts (plan)", false, ignore),
                script("r2", true, "CREATE INDEX j ON accounts (tier)", false)));

        assertThat(findings).extracting(Finding::revision).containsExactly("r1", "r2");
        assertThat(findings.get(0).silenced()).isEqualTo("accounts has 10 rows per tenant");
        assertThat(findings.get(1).ignored()).isFalse();
    }

    @Test
    void aLintIgnoreThatSilencesNothingOrNamesNoRuleIsAFinding() {
        List<Finding> findings = Linter.forDialect("postgresql").lint(List.of(script("r1", true, "SELECT 1", false,
                new LintIgnore("vacuum-full", "legacy", 3), new LintIgnore("vacum-full", "typo", 4),
                new LintIgnore("mariadb-modify-column", "for the other dialect", 5))));

        assertThat(findings).extracting(Finding::rule).containsExactly("unused-lint-ignore", "unused-lint-ignore");
        assertThat(findings).extracting(Finding::line).containsExactly(3, 4);
        assertThat(findings.get(1).why()).contains("no rule has this id");
    }

    @Test
    void onlyReportedScriptsHaveFindingsButEarlierOnesStillCount() {
        Linter linter = Linter.forDialect("postgresql");
        LintScript applied = new LintScript("r1", "r1.sql", "upgrade", true, SPLITTER.split(new ScriptSection(
                "CREATE INDEX i ON accounts (x);\nALTER TABLE accounts ADD CONSTRAINT n CHECK (plan IS NOT NULL)", 1),
                SqlSyntax.STANDARD, "r1.sql"), List.of(), false);

        assertThat(linter.lint(List.of(applied, script("r2", true, "ALTER TABLE accounts ALTER plan SET NOT NULL", false))))
                .isEmpty();
    }

    @Test
    void h2HasNoRules() {
        assertThat(Linter.forDialect("h2").lint(List.of(script("r1", true, "VACUUM FULL accounts", false)))).isEmpty();
        assertThat(Linter.forDialect("h2").rules()).isEmpty();
    }
}
