package dev.drover.orchestrator.runtime;

import dev.drover.testing.DatabaseKind;

class MigrationEngineMariaDbIT extends MigrationEngineContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    private static final java.util.regex.Pattern URL =
            java.util.regex.Pattern.compile("^jdbc:(?:mariadb|mysql)://([^:/?]+)(?::(\\d+))?/([^?]*)(?:\\?(.*))?$");

    @Override
    protected void runClient(java.nio.file.Path file) throws Exception {
        java.util.regex.Matcher m = URL.matcher(db.url());
        if (!m.matches()) {
            throw new IllegalStateException("unexpected test URL shape");
        }
        java.util.Map<String, String> params = new java.util.HashMap<>();
        for (String pair : (m.group(4) == null ? "" : m.group(4)).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        ProcessBuilder client = new ProcessBuilder("mariadb", "--protocol=TCP", "-h", m.group(1), "-P",
                m.group(2) == null ? "3306" : m.group(2), "-u", params.getOrDefault("user", "root"), m.group(3));
        if (params.containsKey("password")) {
            client.environment().put("MYSQL_PWD", params.get("password"));
        }
        run(client.redirectInput(file.toFile()));
    }

    @Override
    protected String expectedHolderText() {
        return "MariaDB connection id";
    }
}
