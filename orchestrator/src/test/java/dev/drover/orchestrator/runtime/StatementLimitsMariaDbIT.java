package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class StatementLimitsMariaDbIT extends StatementLimitsContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    protected String use(String tenant) {
        return "USE `" + tenant + "`";
    }

    @Override
    protected String sessionIdQuery() {
        return "SELECT CONNECTION_ID()";
    }

    @Override
    protected String sleep(int seconds) {
        return "SELECT SLEEP(" + seconds + ")";
    }

    @Override
    protected String statementTimeoutQuery() {
        return "SELECT @@max_statement_time * 1000";
    }
}
