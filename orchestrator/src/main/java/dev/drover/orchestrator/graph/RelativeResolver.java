package dev.drover.orchestrator.graph;

import static dev.drover.orchestrator.graph.RevisionText.quote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relative specifiers, after Alembic's {@code _parse_upgrade_target}, {@code _parse_downgrade_target}
 * and {@code _walk}: {@code [<label>@][<rev>](+|-)N}. Without {@code <rev>} the walk starts at the
 * target's current head (on {@code <label>}'s branch when given); it moves along
 * {@code down_revision} edges only, and stops with an error at a branch point or merge point it
 * cannot choose from, or when it would go past a head or below base.
 */
final class RelativeResolver {

    private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+)?([+-])(\\d+)");

    /** A parsed relative specifier; {@code label} and {@code symbol} may be {@code null}. */
    record Relative(String text, String label, String symbol, boolean up, int steps) {}

    private final GraphIndex index;
    private final SpecifierResolver specifiers;

    RelativeResolver(GraphIndex index, SpecifierResolver specifiers) {
        this.index = index;
        this.specifiers = specifiers;
    }

    /** @return the parsed specifier, or {@code null} when {@code spec} is not relative */
    static Relative parse(String spec) {
        Matcher m = RELATIVE.matcher(spec);
        if (!m.matches()) {
            return null;
        }
        int steps;
        try {
            steps = Integer.parseInt(m.group(4));
        } catch (NumberFormatException tooLarge) {
            throw new RevisionException("Relative revision " + quote(spec) + " is too large; use a smaller number");
        }
        return new Relative(spec, m.group(1), m.group(2), m.group(3).equals("+"), steps);
    }

    /**
     * @param clamp stop at a head or at base instead of failing when the walk is too long, as
     *              Alembic's {@code history} does ({@code assert_relative_length=False})
     */
    SpecifierResolver.Target resolve(Relative rel, Collection<String> current, boolean clamp) {
        String start;
        String branch = rel.label();
        if (rel.symbol() != null) {
            start = specifiers.single(rel.label() == null ? rel.symbol() : rel.label() + "@" + rel.symbol(), current);
        } else {
            start = startFromCurrent(rel, current);
            if (branch == null && start != null) {
                branch = start; // keep a downgrade on the branch of the head it started from
            }
        }
        String end = rel.up() ? walkUp(rel, start, clamp) : walkDown(rel, start, clamp);
        return new SpecifierResolver.Target(end == null ? List.of() : List.of(end), branch);
    }

    private String startFromCurrent(Relative rel, Collection<String> current) {
        List<String> starts = new ArrayList<>(new LinkedHashSet<>(current));
        starts.sort(null);
        if (rel.label() != null) {
            String branchRevision = specifiers.branchRevision(rel.label());
            starts = starts.stream().filter(c -> index.sharesLineage(c, List.of(branchRevision), false)).toList();
            if (starts.isEmpty()) {
                starts = tipsOnBranch(current, branchRevision);
            }
        }
        if (starts.size() > 1) {
            throw new RevisionException("Relative revision " + quote(rel.text())
                    + " is ambiguous: there are several current heads, " + index.describeAll(starts)
                    + "; use '<branch>@" + sign(rel) + rel.steps() + "' or '<rev>" + sign(rel) + rel.steps() + "'");
        }
        if (starts.isEmpty() && !rel.up()) {
            throw overwalk(rel, 0, null);
        }
        return starts.isEmpty() ? null : starts.get(0);
    }

    /**
     * The branch has no current head of its own (its revisions are absorbed by another head, or not
     * applied): the newest applied revisions of that branch, as Alembic backtracks to them.
     */
    private List<String> tipsOnBranch(Collection<String> current, String branchRevision) {
        Set<String> active = new LinkedHashSet<>();
        for (String id : index.ancestors(current, true)) {
            if (index.sharesLineage(id, List.of(branchRevision), false)) {
                active.add(id);
            }
        }
        Set<String> tips = new LinkedHashSet<>(active);
        active.forEach(id -> index.normalizedDowns(id).forEach(tips::remove));
        return tips.stream().sorted().toList();
    }

    private String walkUp(Relative rel, String start, boolean clamp) {
        String position = start;
        for (int step = 0; step < rel.steps(); step++) {
            Collection<String> children = position == null ? index.bases : index.nextrev.get(position);
            if (rel.label() != null) {
                String branchRevision = specifiers.branchRevision(rel.label());
                children = children.stream().filter(c -> index.sharesLineage(c, List.of(branchRevision), false)).toList();
            }
            if (children.isEmpty()) {
                if (clamp) {
                    return position;
                }
                throw overwalk(rel, step, start);
            }
            if (children.size() > 1) {
                throw new RevisionException("Relative revision " + quote(rel.text()) + " is ambiguous: "
                        + (position == null ? "there are several bases, " : index.describe(position)
                        + " is a branch point with children ") + index.describeAll(children)
                        + "; name the branch, e.g. '<branch>@+" + rel.steps() + "'");
            }
            position = children.iterator().next();
        }
        return position;
    }

    private String walkDown(Relative rel, String start, boolean clamp) {
        String position = start;
        for (int step = 0; step < rel.steps(); step++) {
            if (position == null) {
                if (clamp) {
                    return null;
                }
                throw overwalk(rel, step, start);
            }
            List<String> downs = index.versionedDowns(position);
            if (downs.size() > 1) {
                throw new RevisionException("Relative revision " + quote(rel.text()) + " is ambiguous: "
                        + index.describe(position) + " is a merge point of " + index.describeAll(downs)
                        + "; walk from one of them, e.g. '" + walkFrom(downs.get(0), rel.steps() - step - 1) + "'");
            }
            position = downs.isEmpty() ? null : downs.get(0);
        }
        return position;
    }

    private RevisionException overwalk(Relative rel, int possible, String start) {
        String from = start == null ? "base" : index.describe(start);
        String fix = possible == 0
                ? (rel.up() ? "the branch is already at its head" : "the target is already at base")
                : "use at most '" + sign(rel) + possible + "'";
        return new RevisionException("Relative revision " + quote(rel.text()) + " didn't produce "
                + rel.steps() + " migrations: only " + possible + " step(s) are possible from " + from
                + (rel.up() ? " towards head" : " towards base") + "; " + fix);
    }

    private static String walkFrom(String id, int remaining) {
        return remaining == 0 ? id : id + "-" + remaining;
    }

    private static String sign(Relative rel) {
        return rel.up() ? "+" : "-";
    }
}
