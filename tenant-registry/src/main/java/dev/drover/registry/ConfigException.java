package dev.drover.registry;

/**
 * An invalid, incomplete or missing {@code drover.ini}, or an invalid selection: a usage error
 * detected before any target changes (the CLI maps it to exit code 2). The message names the file
 * and line where there is one and ends with the next action for the user; it never contains a
 * password or the value of an environment variable.
 */
public class ConfigException extends RegistryException {

    /** @param message the message; credentials in it are masked */
    public ConfigException(String message) {
        super(message);
    }
}
