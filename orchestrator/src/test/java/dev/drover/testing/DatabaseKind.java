package dev.drover.testing;

/** The databases Drover's integration tests run against. */
public enum DatabaseKind {
    POSTGRES("DROVER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"),
    MARIADB("DROVER_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/?user=root"),
    H2(null, null);

    private final String envVariable;
    private final String exampleUrl;

    DatabaseKind(String envVariable, String exampleUrl) {
        this.envVariable = envVariable;
        this.exampleUrl = exampleUrl;
    }

    /** The environment variable holding an explicit admin JDBC URL, or {@code null} for H2. */
    public String envVariable() {
        return envVariable;
    }

    /** An example value for {@link #envVariable()}, quoted in skip messages. */
    public String exampleUrl() {
        return exampleUrl;
    }
}
