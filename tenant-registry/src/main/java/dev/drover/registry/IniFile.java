package dev.drover.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw content of an INI file: sections in file order, each with its keys (lower-cased) and raw,
 * uninterpolated values, plus the line of every section header and key. One line scanner does all
 * of it, so a line is never read two ways. Values follow the INI rules users know from Python's
 * configparser and Apache Commons Configuration: a value in single or double quotes is taken
 * verbatim (a backslash escapes the quote), otherwise a {@code ;} or {@code #} after whitespace
 * starts a comment; a value ending in whitespace and a backslash continues on the next line. The key
 * ends at the first {@code =} or {@code :}, so a value may hold both (Commons guesses the separator
 * from the first quote instead, and read {@code tenants = query: ... WHERE s = 'x'} as a key
 * {@code tenants = query: ... WHERE s}).
 */
final class IniFile {

    /** One {@code key = value} line. */
    record Entry(String section, String key, String value, int line) {
    }

    /** {@code [name]   ; comment}. */
    private static final Pattern SECTION_LINE = Pattern.compile("^\\s*\\[([^\\]]*)\\]\\s*(?:[;#].*)?$");
    private static final String COMMENT_CHARS = ";#";

    private final Path file;
    private final Map<String, Integer> sectionLines = new LinkedHashMap<>();
    private final Map<String, Map<String, Entry>> entries = new LinkedHashMap<>();
    private final List<Entry> globalEntries = new ArrayList<>();

    private IniFile(Path file) {
        this.file = file;
    }

    /**
     * Reads and parses {@code file}.
     *
     * @throws ConfigException if the file is missing, unreadable, malformed (naming the line), or repeats a
     *                         section or a key
     */
    static IniFile load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        IniFile ini = new IniFile(absolute);
        ini.parse(readLines(absolute));
        return ini;
    }

    /**
     * Settings built in code ({@link RegistryBuilder}): the same entries a file would hold, with no text to
     * parse; messages name {@code file} (a label beside the application's base directory) without a line.
     *
     * @param sections section name -> key -> value, in order
     */
    static IniFile of(Path file, Map<String, Map<String, String>> sections) {
        IniFile ini = new IniFile(file.toAbsolutePath().normalize());
        sections.forEach((section, keys) -> {
            ini.sectionLines.put(section, 0);
            ini.entries.put(section, new LinkedHashMap<>());
            keys.forEach((key, value) -> ini.add(new Entry(section, normaliseKey(key), value, 0)));
        });
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

    private void parse(List<String> lines) {
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.isEmpty() || COMMENT_CHARS.indexOf(trimmed.charAt(0)) >= 0) {
                continue;
            }
            Matcher header = SECTION_LINE.matcher(line);
            if (header.matches()) {
                section = header.group(1).trim();
                if (sectionLines.putIfAbsent(section, number) != null) {
                    throw new ConfigException(location(number) + ": section [" + section + "] appears twice (first at line "
                            + sectionLines.get(section) + "); merge the two sections");
                }
                entries.put(section, new LinkedHashMap<>());
                continue;
            }
            if (trimmed.startsWith("[")) {
                throw new ConfigException(location(number) + ": '" + trimmed + "' is not a section header: it has no"
                        + " closing ']'; write it as [name]");
            }
            int separator = firstSeparator(trimmed);
            if (separator <= 0) {
                throw new ConfigException(location(number) + ": '" + trimmed + "' is neither a section header nor a"
                        + " 'key = value' line; add the missing '=' or turn it into a comment with ';'");
            }
            Value value = value(trimmed.substring(separator + 1), lines, i);
            add(new Entry(section, normaliseKey(trimmed.substring(0, separator)), value.text(), number));
            i = value.lastLine();
        }
    }

    private void add(Entry entry) {
        Map<String, Entry> keys = entry.section() == null ? null : entries.get(entry.section());
        Entry earlier = entry.section() == null
                ? globalEntries.stream().filter(e -> e.key().equals(entry.key())).findFirst().orElse(null)
                : keys.get(entry.key());
        if (earlier != null) {
            throw new ConfigException(location(entry.line()) + ": key '" + entry.key() + "' appears more than once in "
                    + describe(entry.section()) + " (first at line " + earlier.line() + "); keep one of them");
        }
        if (keys == null) {
            globalEntries.add(entry);
        } else {
            keys.put(entry.key(), entry);
        }
    }

    /** A value and the index of the last line it took (more than its own when it continues). */
    private record Value(String text, int lastLine) {}

    /** The value after a key's separator on line {@code index}, following continuation lines. */
    private static Value value(String rest, List<String> lines, int index) {
        StringBuilder text = new StringBuilder();
        String part = rest.trim();
        int line = index;
        while (true) {
            Piece piece = piece(part);
            text.append(piece.text());
            if (!piece.continues() || line + 1 >= lines.size()) {
                return new Value(text.toString(), line);
            }
            text.append('\n');
            line++;
            part = lines.get(line).trim();
        }
    }

    private record Piece(String text, boolean continues) {}

    /** One line's share of a value: quoted (verbatim, {@code \"} escapes) or up to a comment. */
    private static Piece piece(String part) {
        if (part.startsWith("\"") || part.startsWith("'")) {
            char quote = part.charAt(0);
            StringBuilder text = new StringBuilder();
            int i = 1;
            for (; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '\\' && i + 1 < part.length() && part.charAt(i + 1) == quote) {
                    text.append(quote);
                    i++;
                } else if (c == quote) {
                    break;
                } else {
                    text.append(c);
                }
            }
            return new Piece(text.toString(), continues(withoutComment(part.substring(Math.min(i + 1, part.length())))));
        }
        String text = withoutComment(part).trim();
        return continues(text) ? new Piece(text.substring(0, text.length() - 1).trim(), true) : new Piece(text, false);
    }

    /** {@code text} up to a comment character that follows whitespace. */
    private static String withoutComment(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (COMMENT_CHARS.indexOf(text.charAt(i)) >= 0 && Character.isWhitespace(text.charAt(i - 1))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** A lone backslash, or one after whitespace, at the end continues the value on the next line. */
    private static boolean continues(String text) {
        String t = text.trim();
        return t.equals("\\") || t.length() > 2 && t.endsWith("\\") && Character.isWhitespace(t.charAt(t.length() - 2));
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

    private static String describe(String section) {
        return section == null ? "the lines before the first section" : "section [" + section + "]";
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
