package dev.drover.orchestrator.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A target's version and history tables as one read returns them.
 *
 * @param heads   the current heads, sorted
 * @param history history rows in the order they were written (by start time, unfinished last)
 */
public record VersionState(List<String> heads, List<HistoryRow> history) {

    /** History rows by start time; rows without one (never the case for rows Drover wrote) last. */
    static final Comparator<HistoryRow> WRITTEN_ORDER = Comparator.comparing(HistoryRow::startedAt,
            Comparator.nullsLast(Comparator.naturalOrder()));

    public VersionState {
        heads = heads.stream().sorted().toList();
        history = history.stream().sorted(WRITTEN_ORDER).toList();
    }

    /** Nothing applied: no version table, or an empty one. */
    public static final VersionState BASE = new VersionState(List.of(), List.of());

    /** Rows still marked started: a revision left half-way. */
    public List<HistoryRow> unfinished() {
        return history.stream().filter(r -> HistoryRow.STARTED.equals(r.status())).toList();
    }

    /**
     * Collects the rows of {@link VersionStore#stateSelects} read back: columns from {@code offset} on
     * are the kind ({@code v} or {@code h}) and the row's values.
     */
    public static VersionState of(List<List<Object>> rows, int offset) {
        List<String> heads = new ArrayList<>();
        List<HistoryRow> history = new ArrayList<>();
        for (List<Object> row : rows) {
            if ("v".equals(row.get(offset))) {
                heads.add(str(row.get(offset + 1)));
            } else {
                history.add(new HistoryRow(str(row.get(offset + 1)), str(row.get(offset + 2)), str(row.get(offset + 3)),
                        str(row.get(offset + 4)), Integer.parseInt(str(row.get(offset + 5))), str(row.get(offset + 6)),
                        str(row.get(offset + 7))));
            }
        }
        return new VersionState(heads, history);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
