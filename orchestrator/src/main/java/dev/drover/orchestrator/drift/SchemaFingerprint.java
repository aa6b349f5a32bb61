package dev.drover.orchestrator.drift;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The canonical description of one target's schema: its catalog objects in a fixed order, so that
 * the same DDL gives the same fingerprint in every tenant. Two fingerprints are equal exactly when
 * their objects (identity and definition) are.
 */
public final class SchemaFingerprint {

    private final List<SchemaObject> objects;
    private final String hash;

    private SchemaFingerprint(List<SchemaObject> objects) {
        this.objects = objects;
        this.hash = sha256(text());
    }

    /**
     * @param objects the schema's objects in any order
     * @throws IllegalArgumentException when two objects have the same identity (kind, table and name)
     */
    public static SchemaFingerprint of(Collection<SchemaObject> objects) {
        Map<String, SchemaObject> byIdentity = new TreeMap<>();
        for (SchemaObject object : objects) {
            if (byIdentity.put(object.identity(), object) != null) {
                throw new IllegalArgumentException("the catalog lists " + object.label() + " twice");
            }
        }
        return new SchemaFingerprint(byIdentity.values().stream().sorted().toList());
    }

    /** The objects, sorted by kind, table and name. */
    public List<SchemaObject> objects() {
        return objects;
    }

    /** The objects by {@link SchemaObject#identity()}. */
    Map<String, SchemaObject> byIdentity() {
        return objects.stream().collect(Collectors.toMap(SchemaObject::identity, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** One line per object, {@code label: definition}, in order: what {@link #hash()} is computed from. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (SchemaObject object : objects) {
            text.append(object.label());
            if (!object.definition().isEmpty()) {
                text.append(": ").append(object.definition().replace('\n', ' '));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * The objects one per line, {@code kind TAB table TAB name TAB definition} (tabs and line breaks in a
     * value written as {@code \t} and {@code \n}, backslashes doubled), for {@link #parse}.
     */
    public String serialized() {
        StringBuilder text = new StringBuilder();
        for (SchemaObject object : objects) {
            text.append(object.kind().name()).append('\t').append(escape(object.table())).append('\t')
                    .append(escape(object.name())).append('\t').append(escape(object.definition())).append('\n');
        }
        return text.toString();
    }

    /**
     * The fingerprint {@link #serialized()} wrote.
     *
     * @throws IllegalArgumentException on a line that is not four tab-separated fields of a known kind
     */
    public static SchemaFingerprint parse(String serialized) {
        List<SchemaObject> objects = new java.util.ArrayList<>();
        for (String line : serialized.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("not a recorded schema object (4 tab-separated fields): '" + line + "'");
            }
            objects.add(new SchemaObject(SchemaObject.Kind.valueOf(fields[0]), unescape(fields[1]), unescape(fields[2]),
                    unescape(fields[3])));
        }
        return of(objects);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The SHA-256 of {@link #text()}, as 64 lowercase hex digits. */
    public String hash() {
        return hash;
    }

    /** The first 12 digits of {@link #hash()}, for messages. */
    public String shortHash() {
        return hash.substring(0, 12);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaFingerprint that && hash.equals(that.hash) && objects.equals(that.objects);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "SchemaFingerprint[" + shortHash() + ", " + objects.size() + " objects]";
    }
}
