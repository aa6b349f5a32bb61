package dev.drover.orchestrator.script;

import static dev.drover.orchestrator.script.SqlSyntax.MYSQL;
import static dev.drover.orchestrator.script.SqlSyntax.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private final StatementSplitter splitter = new StatementSplitter();

    private List<Statement> split(String text, SqlSyntax syntax) {
        return splitter.split(new ScriptSection(text, 10), syntax, "v/a.sql");
    }

    private List<String> sql(String text, SqlSyntax syntax) {
        return split(text, syntax).stream().map(Statement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsTrimsAndCountsFileLines() {
        List<Statement> statements = split("\n  CREATE TABLE a (id int);\n\nINSERT INTO a\n  VALUES (1) ;\n", STANDARD);
        assertThat(statements).containsExactly(
                new Statement("CREATE TABLE a (id int)", 11),
                new Statement("INSERT INTO a\n  VALUES (1)", 13));
    }

    @Test
    void finalStatementWithoutSemicolonCounts() {
        assertThat(split("SELECT 1;\nSELECT 2", STANDARD))
                .containsExactly(new Statement("SELECT 1", 10), new Statement("SELECT 2", 11));
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
        assertThat(split(";;\n-- only a comment\n/* and a block */ ;\n", STANDARD)).isEmpty();
        assertThat(split("", STANDARD)).isEmpty();
    }

    @Test
    void statementLineIsTheLineOfItsFirstNonCommentCharacter() {
        List<Statement> statements = split("-- leading comment\n/* block\n   comment */\n  SELECT 1;", STANDARD);
        assertThat(statements).containsExactly(new Statement("SELECT 1", 13));
    }

    @Test
    void keepsCommentsInsideAndAfterTheStatementText() {
        assertThat(sql("SELECT 1 /* one */ + 2 -- two\n;", STANDARD)).containsExactly("SELECT 1 /* one */ + 2 -- two");
    }

    @Test
    void semicolonsInsideStringsAndIdentifiersDoNotSplit() {
        assertThat(sql("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;'); SELECT 2", STANDARD))
                .containsExactly("INSERT INTO \"a;b\" VALUES ('x;y', 'it''s;')", "SELECT 2");
        assertThat(sql("SELECT \"say \"\";\"\"\"; SELECT 2", STANDARD)).containsExactly("SELECT \"say \"\";\"\"\"", "SELECT 2");
    }

    @Test
    void standardStringsTreatBackslashAsOrdinary() {
        assertThat(sql("SELECT 'a\\'; SELECT 2", STANDARD)).containsExactly("SELECT 'a\\'", "SELECT 2");
    }

    @Test
    void escapeStringsHonourBackslashEscapes() {
        assertThat(sql("SELECT E'it\\'s; fine'; SELECT e'\\\\'; SELECT 3", STANDARD))
                .containsExactly("SELECT E'it\\'s; fine'", "SELECT e'\\\\'", "SELECT 3");
    }

    @Test
    void anIdentifierEndingInEIsNotAnEscapeStringPrefix() {
        // "type'" is not E'...': the backslash stays ordinary, so the string ends at the second quote.
        assertThat(sql("SELECT type'\\'; SELECT 2", STANDARD)).containsExactly("SELECT type'\\'", "SELECT 2");
    }

    @Test
    void semicolonsInsideCommentsDoNotSplit() {
        assertThat(sql("SELECT 1 -- a; b\n+ 1; /* c; */ SELECT 2", STANDARD))
                .containsExactly("SELECT 1 -- a; b\n+ 1", "SELECT 2");
    }

    @Test
    void blockCommentsNestInStandardSyntax() {
        assertThat(sql("/* outer /* inner; */ still comment; */ SELECT 1; SELECT 2", STANDARD))
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void blockCommentsDoNotNestInMysql() {
        assertThat(sql("/* outer /* inner */ SELECT 1; SELECT 2", MYSQL)).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void dollarQuotesHideSemicolons() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
        String tagged = "DO $body$ BEGIN PERFORM 'x'; /* $$ */ END $body$";
        assertThat(sql(fn + ";\n" + tagged + ";\nSELECT 3;", STANDARD)).containsExactly(fn, tagged, "SELECT 3");
    }

    @Test
    void dollarQuoteLinesAreCounted() {
        assertThat(split("DO $x$\nBEGIN;\nEND $x$;\nSELECT 1;", STANDARD))
                .extracting(Statement::line).containsExactly(10, 13);
    }

    @Test
    void positionalParametersAndDollarsInIdentifiersAreNotDollarQuotes() {
        assertThat(sql("PREPARE p AS SELECT $1; SELECT a$b$ FROM t; SELECT 3", STANDARD))
                .containsExactly("PREPARE p AS SELECT $1", "SELECT a$b$ FROM t", "SELECT 3");
    }

    @Test
    void mysqlStringsAcceptBackslashEscapesAndDoubling() {
        assertThat(sql("SELECT 'it\\'s;', \"say \\\";\", 'a''b;'; SELECT 2", MYSQL))
                .containsExactly("SELECT 'it\\'s;', \"say \\\";\", 'a''b;'", "SELECT 2");
    }

    @Test
    void mysqlBackticksHideSemicolons() {
        assertThat(sql("CREATE TABLE `a;``b` (id int); SELECT 2", MYSQL))
                .containsExactly("CREATE TABLE `a;``b` (id int)", "SELECT 2");
    }

    @Test
    void backticksAreOrdinaryInStandardSyntax() {
        assertThat(sql("SELECT `a;b`", STANDARD)).containsExactly("SELECT `a", "b`");
    }

    @Test
    void mysqlHashAndDashSpaceComments() {
        assertThat(split("# a; comment\n-- b; comment\nSELECT 5--1;\nSELECT 2", MYSQL))
                .containsExactly(new Statement("SELECT 5--1", 12), new Statement("SELECT 2", 13));
    }

    @Test
    void hashIsOrdinaryInStandardSyntax() {
        assertThat(sql("SELECT '{1}'::jsonb #> '{a}'; SELECT 2", STANDARD))
                .containsExactly("SELECT '{1}'::jsonb #> '{a}'", "SELECT 2");
    }

    @Test
    void mysqlHasNoDollarQuoting() {
        assertThat(sql("SELECT $$a; SELECT 2", MYSQL)).containsExactly("SELECT $$a", "SELECT 2");
    }

    @Test
    void mysqlExecutableCommentsAreStatements() {
        assertThat(split("/*!40101 SET NAMES utf8 */;\n/* plain */;", MYSQL))
                .containsExactly(new Statement("/*!40101 SET NAMES utf8 */", 10));
    }

    @Test
    void mysqlDelimiterLinesChangeTheTerminatorAndAreNotStatements() {
        List<Statement> statements = split("SELECT 1;\n  delimiter //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 2;\n"
                + "  SELECT 3;\nEND//\nDELIMITER ;\nSELECT 4;", MYSQL);
        assertThat(statements).containsExactly(new Statement("SELECT 1", 10),
                new Statement("CREATE PROCEDURE p()\nBEGIN\n  SELECT 2;\n  SELECT 3;\nEND", 12),
                new Statement("SELECT 4", 18));
        assertThat(sql("SELECT 'x\nDELIMITER y'", MYSQL)).hasSize(1);
        assertThatThrownBy(() -> split("SELECT 1;\nDELIMITER\nSELECT 2;", MYSQL))
                .isInstanceOf(ScriptParseException.class)
                .hasMessageStartingWith("v/a.sql:11: 'DELIMITER' needs one delimiter");
    }

    @Test
    void mysqlStoredProgramBodiesAreOneStatementWithoutDelimiter() {
        String script = """
                CREATE TABLE t (id INT, n INT);
                CREATE DEFINER=`root`@`localhost` PROCEDURE bump(IN k INT)
                BEGIN
                  DECLARE i INT DEFAULT 0;
                  lbl: WHILE i < k DO
                    IF i % 2 = 0 THEN UPDATE t SET n = n + 1; END IF;
                    SET i = i + 1;
                  END WHILE lbl;
                  CASE k WHEN 1 THEN SELECT 1; ELSE BEGIN SELECT 2; END; END CASE;
                  SELECT CASE WHEN k > 0 THEN 'pos' ELSE 'neg' END;
                END;
                CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;
                CREATE OR REPLACE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW
                BEGIN
                  IF NEW.n IS NULL THEN SET NEW.n = 0; END IF;
                END;
                BEGIN NOT ATOMIC SELECT 1; SELECT 2; END;
                BEGIN;
                INSERT INTO t VALUES (1, 1);
                COMMIT;
                """;
        List<String> statements = sql(script, MYSQL);
        assertThat(statements).hasSize(8);
        assertThat(statements.get(1)).startsWith("CREATE DEFINER").endsWith("END CASE;\n  SELECT CASE WHEN k > 0 "
                + "THEN 'pos' ELSE 'neg' END;\nEND");
        assertThat(statements.get(2)).isEqualTo("CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2");
        assertThat(statements.get(3)).startsWith("CREATE OR REPLACE TRIGGER").endsWith("END IF;\nEND");
        assertThat(statements.get(4)).isEqualTo("BEGIN NOT ATOMIC SELECT 1; SELECT 2; END");
        assertThat(statements.subList(5, 8)).containsExactly("BEGIN", "INSERT INTO t VALUES (1, 1)", "COMMIT");
        assertThat(sql("CREATE TABLE begin_end (id INT);\nSELECT 1;", MYSQL)).hasSize(2);
    }

    @Test
    void unterminatedStringNamesItsStartLine() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\n\nmore", STANDARD))
                .isInstanceOf(ScriptParseException.class)
                .hasMessageStartingWith("v/a.sql:11: unterminated string '")
                .hasMessageContaining("close it with '");
    }

    @Test
    void unterminatedEscapeStringNamesItsStartLine() {
        assertThatThrownBy(() -> split("\n\nSELECT E'it\\'s", STANDARD))
                .hasMessageStartingWith("v/a.sql:12: unterminated string E'");
    }

    @Test
    void unterminatedMysqlDoubleQuotedStringNamesItsStartLine() {
        assertThatThrownBy(() -> split("\nSELECT \"abc\\\"", MYSQL))
                .hasMessageStartingWith("v/a.sql:11: unterminated string \"");
    }

    @Test
    void unterminatedQuotedIdentifierNamesItsStartLine() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT \"col", STANDARD))
                .hasMessageStartingWith("v/a.sql:11: unterminated quoted identifier \"")
                .hasMessageContaining("close it with \"");
    }

    @Test
    void unterminatedBacktickNamesItsStartLine() {
        assertThatThrownBy(() -> split("\n\n\nSELECT `col", MYSQL))
                .hasMessageStartingWith("v/a.sql:13: unterminated backtick identifier `");
    }

    @Test
    void unterminatedNestedCommentNamesTheOuterStartLine() {
        assertThatThrownBy(() -> split("SELECT 1;\n/* outer\n/* inner */\nSELECT 2;", STANDARD))
                .isInstanceOfSatisfying(ScriptParseException.class, e -> assertThat(e.line()).isEqualTo(11))
                .hasMessageContaining("unterminated block comment")
                .hasMessageContaining("close it with '*/'");
    }

    @Test
    void unterminatedDollarQuoteNamesItsStartLine() {
        assertThatThrownBy(() -> split("SELECT 1;\nDO $fn$ BEGIN\nEND $other$;", STANDARD))
                .hasMessageStartingWith("v/a.sql:11: unterminated dollar-quoted string $fn$")
                .hasMessageEndingWith("close it with $fn$");
    }

    @Test
    void linesAfterMultiLineConstructsStayExact() {
        String text = "SELECT 'a\nb';\n/* c\nd */\nSELECT \"e\nf\";\nSELECT E'g\\\nh';\nSELECT 9;";
        assertThat(split(text, STANDARD)).extracting(Statement::line).containsExactly(10, 14, 16, 18);
        String mysql = "SELECT 'a\\\nb', `c\nd`;\n# x\nSELECT 9;";
        assertThat(split(mysql, MYSQL)).extracting(Statement::line).containsExactly(10, 14);
    }
}
