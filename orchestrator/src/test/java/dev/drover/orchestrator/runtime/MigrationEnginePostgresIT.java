package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationEnginePostgresIT extends MigrationEngineContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected void runClient(java.nio.file.Path file) throws Exception {
        // libpq accepts the JDBC URL's form (user/password as query parameters) once 'jdbc:' is dropped.
        run(new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url().substring("jdbc:".length()),
                "-f", file.toString()));
    }

    @Override
    protected String expectedHolderText() {
        return "application 'drover holder-run'";
    }
}
