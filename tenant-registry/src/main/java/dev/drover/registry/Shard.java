package dev.drover.registry;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * {@code --shard I/N}: the I-th (1-based) of N deterministic partitions of the targets. A target
 * belongs to shard {@code crc32(key) mod N + 1}, where key is {@code section} or
 * {@code section/tenant}: membership depends only on the target itself, so appending tenants or
 * sections never moves an existing target to another shard.
 *
 * @param index the 1-based shard number
 * @param count the number of shards
 */
public record Shard(int index, int count) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    /** @throws ConfigException unless {@code 1 <= index <= count} */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new ConfigException("invalid shard " + index + "/" + count
                    + ": I must be between 1 and N; write '--shard 1/4' for the first of four shards");
        }
    }

    /**
     * @param text {@code I/N}, e.g. {@code 2/4}
     * @return the shard
     * @throws ConfigException if the text is not {@code I/N} with {@code 1 <= I <= N}
     */
    public static Shard parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new ConfigException("invalid --shard '" + text
                    + "': expected I/N with 1 <= I <= N; write '--shard 1/4' for the first of four shards");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * @param key a target key ({@code section} or {@code section/tenant})
     * @return whether the target belongs to this shard
     */
    public boolean contains(String key) {
        return of(key, count) == index;
    }

    /** @return the 1-based shard of {@code key} among {@code count} shards */
    public static int of(String key, int count) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count) + 1;
    }

    /** @return {@code I/N} */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
