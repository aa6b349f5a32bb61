package dev.drover.registry;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;

/**
 * The raw content of an INI file: sections in file order, each with its keys (lower-cased, dots
 * unescaped) and raw, uninterpolated values, plus the line of every section header and key.
 * Parsing is Commons Configuration's ({@link INIConfiguration}); Commons does not report line
 * numbers, so a light line index is kept beside it.
 */
final class IniFile {

    /** One {@code key = value} line. */
    record Entry(String section, String key, String value, int line) {
    }

    /** {@code [name]   ; comment}: Commons does not accept a comment after a section header. */
    private static final Pattern SECTION_LINE = Pattern.compile("^\\s*\\[([^\\]]*)\\]\\s*(?:[;#].*)?$");

    private final Path file;
    private final Map<String, Integer> sectionLines = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Integer>>> keyLines = new LinkedHashMap<>();
    private final Map<String, Map<String, Entry>> entries = new LinkedHashMap<>();
    private final List<Entry> globalEntries = new ArrayList<>();

    private IniFile(Path file) {
        this.file = file;
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws ConfigException if the file is missing, unreadable, malformed, or repeats a section or a key
     */
    static IniFile load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        IniFile ini = new IniFile(absolute);
        List<String> lines = readLines(absolute);
        List<String> normalised = ini.indexLines(lines);
        ini.parse(String.join("\n", normalised));
        return ini;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file '" + file + "' not found; create one with "
                    + "'drover init DIR' or point to it with '-c FILE' (or DROVER_CONFIG)");
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file '" + file + "': "
                    + e.getClass().getSimpleName() + "; check that it is a readable UTF-8 text file");
        }
    }

    /** Records section and key lines; returns the lines with header comments stripped. */
    private List<String> indexLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String section = null;
        boolean continuation = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            String trimmed = line.trim();
            boolean wasContinuation = continuation;
            continuation = trimmed.endsWith("\\");
            Matcher header = SECTION_LINE.matcher(line);
            if (!wasContinuation && header.matches()) {
                section = header.group(1).trim();
                if (sectionLines.putIfAbsent(section, number) != null) {
                    throw new ConfigException(location(number) + ": section [" + section + "] appears twice (first at line "
                            + sectionLines.get(section) + "); merge the two sections");
                }
                out.add("[" + section + "]");
                continue;
            }
            out.add(line);
            if (wasContinuation || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            int separator = firstSeparator(trimmed);
            if (separator > 0) {
                String key = normaliseKey(trimmed.substring(0, separator));
                keyLines.computeIfAbsent(section, s -> new LinkedHashMap<>())
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(number);
            }
        }
        return out;
    }

    /** Keys are case-insensitive (configparser), except the names of {@code x.NAME} placeholders. */
    static String normaliseKey(String key) {
        String trimmed = key.trim();
        if (trimmed.regionMatches(true, 0, "x.", 0, 2)) {
            return "x." + trimmed.substring(2);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static int firstSeparator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private void parse(String text) {
        INIConfiguration ini = INIConfiguration.builder().build();
        try {
            new FileHandler(ini).load(new StringReader(text));
        } catch (ConfigurationException e) {
            throw new ConfigException("cannot parse '" + file + "' as an INI file; check its syntax");
        }
        for (String section : ini.getSections()) {
            SubnodeConfiguration node = ini.getSection(section);
            Map<String, Entry> map = new LinkedHashMap<>();
            for (Iterator<String> keys = node.getKeys(); keys.hasNext(); ) {
                String rawKey = keys.next();
                String key = normaliseKey(rawKey.replace("..", "."));
                Entry entry = entry(section, key, node.getProperty(rawKey));
                if (map.putIfAbsent(key, entry) != null) {
                    throw duplicateKey(section, key);
                }
                if (section == null) {
                    globalEntries.add(entry);
                }
            }
            if (section != null) {
                entries.put(section.trim(), map);
            }
        }
    }

    private Entry entry(String section, String key, Object value) {
        if (value instanceof Collection<?> values) {
            if (values.size() > 1) {
                throw duplicateKey(section, key);
            }
            value = values.isEmpty() ? "" : values.iterator().next();
        }
        return new Entry(section, key, value == null ? "" : value.toString(), keyLine(section, key));
    }

    private ConfigException duplicateKey(String section, String key) {
        List<Integer> lines = keyLines.getOrDefault(section == null ? null : section.trim(), Map.of())
                .getOrDefault(key, List.of());
        int line = lines.size() > 1 ? lines.get(1) : lines.isEmpty() ? 0 : lines.get(0);
        return new ConfigException(location(line) + ": key '" + key + "' appears more than once in "
                + describe(section) + "; keep one of them");
    }

    private static String describe(String section) {
        return section == null ? "the lines before the first section" : "section [" + section.trim() + "]";
    }

    private int keyLine(String section, String key) {
        List<Integer> lines = keyLines.getOrDefault(section == null ? null : section.trim(), Map.of()).get(key);
        return lines == null || lines.isEmpty() ? 0 : lines.get(0);
    }

    /** @return the absolute, normalised path of the file */
    Path file() {
        return file;
    }

    /** @return the absolute directory holding the file ({@code %(here)s}) */
    Path directory() {
        return file.getParent();
    }

    /** @return section names in file order (the global pseudo-section excluded) */
    List<String> sectionNames() {
        return List.copyOf(entries.keySet());
    }

    boolean hasSection(String section) {
        return entries.containsKey(section);
    }

    /** @return the entry of {@code key} (lower case) in {@code section}, if present */
    Optional<Entry> entry(String section, String key) {
        return Optional.ofNullable(entries.getOrDefault(section, Map.of()).get(key));
    }

    /** @return every entry of {@code section} in file order */
    Collection<Entry> entries(String section) {
        return entries.getOrDefault(section, Map.of()).values();
    }

    /** @return the {@code key = value} lines before the first section header */
    List<Entry> globalEntries() {
        return List.copyOf(globalEntries);
    }

    /** @return the line of the section header, or 0 if there is no such section */
    int sectionLine(String section) {
        return sectionLines.getOrDefault(section, 0);
    }

    /** @return {@code file:line}, or just the file when {@code line} is 0 */
    String location(int line) {
        return line > 0 ? file + ":" + line : file.toString();
    }
}
