package dev.drover.bench;

import dev.drover.orchestrator.script.ScriptSection;
import dev.drover.orchestrator.script.SqlSyntax;
import dev.drover.orchestrator.script.Statement;
import dev.drover.orchestrator.script.StatementSplitter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Statement splitting throughput, PostgreSQL syntax: a section made of {@code copies} copies of a
 * realistic revision body (DDL, an INSERT with a quoted ';', a dollar-quoted function, an E''
 * string, line and block comments). Divide the section size (printed at setup) by the time per
 * operation for MB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SplitterBenchmark {

    static final String BODY = """
            -- a typical revision
            CREATE TABLE c1_items (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL,
                sku varchar(32) NOT NULL,
                price numeric(12, 2) NOT NULL DEFAULT 0,
                qty integer NOT NULL DEFAULT 0,
                owner text NOT NULL DEFAULT '${tenant}',
                created_at timestamptz NOT NULL DEFAULT now(),
                note text
            );

            CREATE UNIQUE INDEX c1_items_sku_uq ON c1_items (sku);

            INSERT INTO c1_items (name, sku, price, qty, note) VALUES
                ('widget', 'W-1', 9.99, 10, 'it''s a widget; really'),
                ('gadget', 'G-1', 19.50, 3, E'tab\\there; and a \\' quote');

            /* block comment; with a semicolon /* nested; */ still comment */
            CREATE FUNCTION c1_touch() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                NEW.created_at := now(); -- a ';' inside the body
                RETURN NEW;
            END;
            $fn$;

            ALTER TABLE c1_items ADD COLUMN "weird;name" text;
            UPDATE c1_items SET category = 'general' WHERE category IS NULL;
            """;

    @Param({"1", "100"})
    int copies;

    ScriptSection section;
    final StatementSplitter splitter = new StatementSplitter();

    @Setup
    public void setUp() {
        section = new ScriptSection(BODY.repeat(copies), 7);
        int statements = splitter.split(section, SqlSyntax.STANDARD, "bench.sql").size();
        if (statements != 6 * copies) {
            throw new IllegalStateException("expected " + 6 * copies + " statements, got " + statements);
        }
        System.out.printf("%nsection: %d chars, %d statements%n", section.text().length(), statements);
    }

    @Benchmark
    public List<Statement> split() {
        return splitter.split(section, SqlSyntax.STANDARD, "bench.sql");
    }
}
