package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class StatementLimitsMariaDbIT extends StatementLimitsContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    protected String statementTimeoutQuery() {
        return "SELECT @@max_statement_time * 1000";
    }
}
