package dev.drover.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the tenant names of one section. A name must match {@code [A-Za-z_][A-Za-z0-9_$-]*}
 * and fit in 63 bytes (PostgreSQL's identifier limit; longer names are rejected rather than
 * truncated, so no two accepted names can collide after truncation). Names differing only by
 * letter case are all rejected, because schemas and databases fold case on some servers and file
 * systems; an exact repeat is rejected once, keeping the first.
 */
final class TenantNames {

    static final String RULE = "[A-Za-z_][A-Za-z0-9_$-]*";
    static final int MAX_BYTES = 63;
    private static final Pattern NAME = Pattern.compile(RULE);

    /** Accepted names in source order, and rejections in source order. */
    record Outcome(List<String> accepted, List<RejectedTenant> rejected) {
    }

    private TenantNames() {
    }

    static Outcome validate(String section, List<String> names) {
        List<RejectedTenant> rejected = new ArrayList<>();
        Set<String> valid = new LinkedHashSet<>();
        for (String name : names) {
            String reason = problem(name);
            if (reason == null && !valid.add(name)) {
                reason = "listed more than once";
            }
            if (reason != null) {
                rejected.add(new RejectedTenant(section, name, reason));
            }
        }
        Map<String, List<String>> byFold = new HashMap<>();
        for (String name : valid) {
            byFold.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
        }
        List<String> accepted = new ArrayList<>();
        for (String name : valid) {
            List<String> group = byFold.get(name.toLowerCase(Locale.ROOT));
            if (group.size() > 1) {
                rejected.add(new RejectedTenant(section, name, "differs only by letter case from "
                        + others(group, name) + "; rename one of them"));
            } else {
                accepted.add(name);
            }
        }
        return new Outcome(accepted, rejected);
    }

    private static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "empty name";
        }
        if (!NAME.matcher(name).matches()) {
            return "does not match " + RULE;
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "longer than " + MAX_BYTES + " bytes";
        }
        return null;
    }

    private static String others(List<String> group, String name) {
        List<String> quoted = new ArrayList<>();
        for (String each : group) {
            if (!each.equals(name)) {
                quoted.add("'" + each + "'");
            }
        }
        return String.join(", ", quoted);
    }
}
