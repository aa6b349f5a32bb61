package dev.drover.orchestrator.drift;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One way a target's schema differs from the one it is compared with.
 *
 * @param expected the object in the reference schema, or {@code null} when the target has an extra one
 * @param actual   the object in the target's schema, or {@code null} when it is missing there
 */
public record SchemaDifference(SchemaObject expected, SchemaObject actual) {

    /** What kind of difference. */
    public enum Change { MISSING, EXTRA, CHANGED }

    public SchemaDifference {
        if (expected == null && actual == null) {
            throw new IllegalArgumentException("a difference needs at least one side");
        }
    }

    public Change change() {
        return actual == null ? Change.MISSING : expected == null ? Change.EXTRA : Change.CHANGED;
    }

    /** The object the difference is about (the target's, or the reference's when missing). */
    public SchemaObject object() {
        return actual != null ? actual : expected;
    }

    /**
     * {@code index ix_orders_created missing}, {@code extra table tmp_fix},
     * {@code column invoices.total: numeric(14,2) != numeric(12,2)} (the target's definition first).
     */
    public String message() {
        return switch (change()) {
            case MISSING -> expected.label() + " missing";
            case EXTRA -> "extra " + actual.label();
            case CHANGED -> actual.label() + ": " + show(actual.definition()) + " != " + show(expected.definition());
        };
    }

    private static String show(String definition) {
        String flat = definition.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }

    /**
     * The differences of {@code actual} from {@code expected}, in fingerprint order. The objects of a table
     * (or view) that is missing or extra as a whole are not listed again one by one.
     */
    public static List<SchemaDifference> between(SchemaFingerprint actual, SchemaFingerprint expected) {
        if (actual.equals(expected)) {
            return List.of();
        }
        Map<String, SchemaObject> mine = actual.byIdentity();
        Map<String, SchemaObject> theirs = expected.byIdentity();
        Set<String> identities = new TreeSet<>(mine.keySet());
        identities.addAll(theirs.keySet());
        List<SchemaDifference> all = new ArrayList<>();
        Set<String> wholeRelations = new HashSet<>();
        for (String identity : identities) {
            SchemaObject a = mine.get(identity);
            SchemaObject e = theirs.get(identity);
            if (a != null && e != null && a.definition().equals(e.definition())) {
                continue;
            }
            SchemaDifference difference = new SchemaDifference(e, a);
            SchemaObject object = difference.object();
            if ((object.kind() == SchemaObject.Kind.TABLE || object.kind() == SchemaObject.Kind.VIEW)
                    && difference.change() != Change.CHANGED) {
                wholeRelations.add(object.name());
            }
            all.add(difference);
        }
        return all.stream().filter(d -> !wholeRelations.contains(d.object().table()))
                .sorted((x, y) -> x.object().compareTo(y.object())).toList();
    }
}
