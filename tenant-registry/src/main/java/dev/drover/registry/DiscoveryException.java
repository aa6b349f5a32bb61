package dev.drover.registry;

/**
 * A {@code tenants = query: ...} discovery failed (connection refused, bad SQL...). The message
 * names the section and the file:line of its {@code tenants} key; driver messages are sanitised
 * (URL credentials and the section's password masked). The driver exception is not kept as the
 * cause, because its message may echo credentials.
 */
public class DiscoveryException extends RegistryException {

    private final String sqlState;

    /**
     * @param message the sanitised message
     * @param sqlState the driver's SQLSTATE, or {@code null}
     */
    public DiscoveryException(String message, String sqlState) {
        super(message);
        this.sqlState = sqlState;
    }

    /** @return the SQLSTATE reported by the driver, or {@code null} */
    public String sqlState() {
        return sqlState;
    }
}
