package dev.drover.registry;

import java.util.Objects;

/**
 * A password or other credential. {@link #toString()} is always {@code ***} so a secret cannot
 * leak through string concatenation, logging or a record's generated {@code toString}.
 */
public final class Secret {

    private static final Secret NONE = new Secret(null);

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @param value the secret text, or {@code null} for none
     *  @return a secret holding {@code value} */
    public static Secret of(String value) {
        return value == null ? NONE : new Secret(value);
    }

    /** @return the absent secret */
    public static Secret none() {
        return NONE;
    }

    /** @return the secret text, or {@code null}; hand it only to a driver, never to text output */
    public String reveal() {
        return value;
    }

    /** @return whether there is no secret (absent or empty) */
    public boolean isEmpty() {
        return value == null || value.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && Objects.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    /** @return always {@code ***}, whether or not there is a secret */
    @Override
    public String toString() {
        return "***";
    }
}
