package dev.drover.orchestrator.fleet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --shard I/N}: the I-th (1-based) of N deterministic partitions of a fleet, so several
 * orchestrator processes can share one. A target belongs to shard {@code 1 + (hash(key) mod N)}, with a
 * hash fixed by the key alone: adding or removing other targets never moves a target between shards.
 *
 * @param index 1-based shard number
 * @param count number of shards
 */
record FleetShard(int index, int count) {

    private static final Pattern SPEC = Pattern.compile("(\\d+)/(\\d+)");

    public FleetShard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard " + index + "/" + count + " is not a shard: use I/N with "
                    + "1 <= I <= N, e.g. --shard 1/4");
        }
    }

    /**
     * Parses {@code I/N}.
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static FleetShard parse(String spec) {
        Matcher m = SPEC.matcher(spec == null ? "" : spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard '" + spec + "' is not of the form I/N; use e.g. --shard 1/4");
        }
        try {
            return new FleetShard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard '" + spec + "' has numbers too large; use e.g. --shard 1/4", e);
        }
    }

    /** The targets of this shard, in their original order. */
    public List<FleetTarget> select(List<FleetTarget> targets) {
        return targets.stream().filter(this::contains).toList();
    }

    public boolean contains(FleetTarget target) {
        return Math.floorMod(stableHash(target.key()), count) == index - 1;
    }

    /** FNV-1a over the key's UTF-16 units: fixed here so shards never change between releases or JVMs. */
    private static int stableHash(String key) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x01000193;
        }
        return hash;
    }
}
