package dev.drover.registry;

/**
 * Base of the registry's failures. Messages are masked with {@link UrlMasker} before they are
 * stored, so they never carry passwords or URL credentials.
 */
public class RegistryException extends RuntimeException {

    /** @param message the message; credentials in it are masked */
    public RegistryException(String message) {
        super(UrlMasker.mask(message));
    }

    /** @param message the message; credentials in it are masked
     *  @param cause the underlying failure (kept for its type and stack; its message is not reused) */
    public RegistryException(String message, Throwable cause) {
        super(UrlMasker.mask(message), cause);
    }
}
