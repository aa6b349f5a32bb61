package dev.drover.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one section's settings through its lookup chain (the section, then {@code [DEFAULT]},
 * then {@code [drover]}), interpolated and typed. Every error names the file:line of the value
 * that was read (which may be in {@code [DEFAULT]} or {@code [drover]}).
 */
final class SettingLookup {

    /** A resolved value and where it was written. */
    record Value(String key, String text, String where) {
    }

    private final IniFile ini;
    private final String section;
    private final List<String> chain;
    private final Interpolator interpolator;

    SettingLookup(IniFile ini, String section, List<String> chain, Interpolator interpolator) {
        this.ini = ini;
        this.section = section;
        this.chain = chain;
        this.interpolator = interpolator;
    }

    String section() {
        return section;
    }

    /** @return the raw entry of {@code key} from the first section of the chain that has it */
    Optional<IniFile.Entry> raw(String key) {
        for (String each : chain) {
            Optional<IniFile.Entry> entry = ini.entry(each, key);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    String where(IniFile.Entry entry) {
        return ini.location(entry.line());
    }

    /** @return the interpolated value of {@code key}, if set anywhere in the chain */
    Optional<Value> get(String key) {
        return raw(key).map(entry -> new Value(key,
                interpolator.resolve(entry.value(), where(entry), key, this::raw, this::where), where(entry)));
    }

    /** @return the trimmed value, or {@code null} when absent or blank */
    String string(String key) {
        return get(key).map(v -> v.text().trim()).filter(s -> !s.isEmpty()).orElse(null);
    }

    String string(String key, String fallback) {
        String value = string(key);
        return value == null ? fallback : value;
    }

    /** configparser booleans: 1/yes/true/on and 0/no/false/off, case-insensitive. */
    boolean bool(String key, boolean fallback) {
        Optional<Value> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        switch (value.get().text().trim().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on":
                return true;
            case "0", "no", "false", "off":
                return false;
            default:
                throw invalid(value.get(), "must be true or false", "write true or false");
        }
    }

    /** An integer of at least {@code min}. */
    int integer(String key, int fallback, int min) {
        Optional<Value> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get().text().trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(value.get(), "must be a whole number of at least " + min, "write a number such as " + Math.max(min, fallback));
    }

    /** A number of seconds, decimals allowed, at least 0 (e.g. {@code 5}, {@code 0.25}). */
    java.time.Duration seconds(String key, java.time.Duration fallback) {
        Double value = decimal(key);
        return value == null ? fallback : java.time.Duration.ofNanos(Math.round(value * 1e9));
    }

    /** A decimal number of at least 0, or {@code null} when absent. */
    Double decimal(String key) {
        Optional<Value> value = get(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.get().text().trim());
            if (parsed >= 0 && Double.isFinite(parsed) && value.get().text().trim().matches("[0-9.]+")) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(value.get(), "must be a number of at least 0 (decimals allowed)", "write a number such as 5 or 0.5");
    }

    /** Splits a comma and/or whitespace separated list; empty when absent. */
    List<String> list(String key) {
        return get(key).map(v -> split(v.text())).orElse(List.of());
    }

    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        for (String each : text.split("[,\\s]+")) {
            if (!each.isEmpty()) {
                items.add(each);
            }
        }
        return items;
    }

    /** {@code x.NAME = value} placeholders through the chain; the nearest section wins. */
    Map<String, String> placeholders() {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            for (IniFile.Entry entry : ini.entries(chain.get(i))) {
                if (entry.key().startsWith("x.") && entry.key().length() > 2) {
                    String name = entry.key().substring(2);
                    result.put(name, interpolator.resolve(entry.value(), where(entry), entry.key(), this::raw, this::where));
                }
            }
        }
        return result;
    }

    ConfigException invalid(Value value, String problem, String action) {
        return new ConfigException(value.where() + ": '" + value.key() + "' (read for section [" + section + "]) "
                + problem + ", got '" + value.text().trim() + "'; " + action);
    }
}
