package dev.drover.registry;

/**
 * A problem that does not stop Drover (an unknown key, an ignored section, a {@code --tenant}
 * glob that matched nothing).
 *
 * @param where {@code file:line}, the file alone, or {@code "selection"}
 * @param message what is wrong and what to do; never contains a value of a secret
 */
public record ConfigWarning(String where, String message) {

    /** @return {@code where: message} */
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
