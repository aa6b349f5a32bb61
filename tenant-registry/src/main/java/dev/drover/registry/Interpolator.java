package dev.drover.registry;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves INI values in one pass, configparser style plus environment variables:
 * {@code %%} is a literal {@code %}; {@code %(here)s} is the INI file's directory;
 * {@code %(key)s} is another key of the same lookup chain; a lone {@code %} stays literal (so
 * {@code LIKE 'tenant%'} needs no escaping); {@code ${env:VAR}} and {@code ${env:VAR:-default}}
 * come from the environment map. Substituted text is never interpolated again, so a password
 * from the environment may contain {@code %} or {@code ${}.
 */
final class Interpolator {

    private static final Pattern TOKEN = Pattern.compile(
            "%%|%\\(([^)]*)\\)s|\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final int MAX_DEPTH = 10;

    private final String here;
    private final Map<String, String> env;

    Interpolator(String here, Map<String, String> env) {
        this.here = here;
        this.env = env;
    }

    /**
     * @param raw the raw value
     * @param where {@code file:line} of the value, for messages
     * @param key the key being read, for messages
     * @param references resolves {@code %(name)s} to the raw entry of another key
     * @throws ConfigException for an unset variable without default or an unknown {@code %(name)s}
     */
    String resolve(String raw, String where, String key, Function<String, Optional<IniFile.Entry>> references,
                   Function<IniFile.Entry, String> locate) {
        return resolve(raw, where, key, references, locate, 0);
    }

    private String resolve(String raw, String where, String key, Function<String, Optional<IniFile.Entry>> references,
                           Function<IniFile.Entry, String> locate, int depth) {
        Matcher m = TOKEN.matcher(raw);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(raw, last, m.start());
            last = m.end();
            if (m.group().equals("%%")) {
                out.append('%');
            } else if (m.group(2) != null) {
                out.append(environment(m.group(2), m.group(3), where, key));
            } else {
                out.append(reference(m.group(1), where, key, references, locate, depth));
            }
        }
        return out.append(raw.substring(last)).toString();
    }

    private String environment(String variable, String fallback, String where, String key) {
        String value = env.get(variable);
        if (value != null) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        throw new ConfigException(where + ": '" + key + "' uses environment variable '" + variable
                + "', which is not set; export " + variable + " or write ${env:" + variable + ":-default}");
    }

    private String reference(String name, String where, String key, Function<String, Optional<IniFile.Entry>> references,
                             Function<IniFile.Entry, String> locate, int depth) {
        if (name.equals("here")) {
            return here;
        }
        Optional<IniFile.Entry> target = name.equals(key) || depth >= MAX_DEPTH ? Optional.empty() : references.apply(name);
        if (target.isEmpty()) {
            throw new ConfigException(where + ": '" + key + "' refers to '%(" + name + ")s', which is not a key of "
                    + "this section, [DEFAULT] or [drover] (or refers to itself); write '%%(" + name
                    + ")s' for a literal '%(" + name + ")s'");
        }
        IniFile.Entry entry = target.get();
        return resolve(entry.value(), locate.apply(entry), entry.key(), references, locate, depth + 1);
    }
}
