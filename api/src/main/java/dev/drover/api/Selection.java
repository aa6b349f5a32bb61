package dev.drover.api;

import dev.drover.registry.Shard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which targets a call works on: section globs ({@code --name}), tenant globs ({@code --tenant}), a
 * shard ({@code --shard I/N}) and, for offline SQL, a tenants file ({@code --tenants-file}). Immutable; each
 * method returns a new selection. Globs use {@code *} and {@code ?}; a glob that matches no section is refused
 * when the call resolves it.
 */
public final class Selection {

    private static final Selection ALL = new Selection(List.of(), List.of(), 0, 0, null);

    private final List<String> sections;
    private final List<String> tenants;
    private final int shardIndex;
    private final int shardCount;
    private final Path tenantsFile;

    private Selection(List<String> sections, List<String> tenants, int shardIndex, int shardCount, Path tenantsFile) {
        this.sections = List.copyOf(sections);
        this.tenants = List.copyOf(tenants);
        this.shardIndex = shardIndex;
        this.shardCount = shardCount;
        this.tenantsFile = tenantsFile;
    }

    /** Every target of every section. */
    public static Selection all() {
        return ALL;
    }

    /** This selection narrowed to sections matching any of {@code globs} (added to earlier ones). */
    public Selection sections(String... globs) {
        return new Selection(plus(sections, globs), tenants, shardIndex, shardCount, tenantsFile);
    }

    /** This selection narrowed to tenants matching any of {@code globs} (added to earlier ones). */
    public Selection tenants(String... globs) {
        return new Selection(sections, plus(tenants, globs), shardIndex, shardCount, tenantsFile);
    }

    /**
     * This selection narrowed to the {@code index}-th (1-based) of {@code count} deterministic partitions.
     *
     * @throws IllegalArgumentException unless {@code 1 <= index <= count}
     */
    public Selection shard(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("invalid shard " + index + "/" + count
                    + ": the index must be between 1 and the count; pass shard(1, 4) for the first of four");
        }
        return new Selection(sections, tenants, index, count, tenantsFile);
    }

    /**
     * This selection with the tenants of {@code query:} sections read from {@code file} (UTF-8, one name per
     * line, {@code #} starts a comment), for {@link Drover#offlineSql offlineSql}, which opens no connection and so
     * cannot run the query ({@code drover upgrade --sql --tenants-file FILE}). Without it, offline SQL takes those
     * tenants from the {@link #tenants tenant} names, when none holds {@code *} or {@code ?}. The names are
     * validated like any tenant name; the file is read when the call resolves the selection (a missing or
     * unreadable file is a {@link DroverException} of that call). Every other call refuses a selection with a
     * tenants file with a {@link DroverException}: it discovers {@code query:} tenants over the connection.
     *
     * @throws NullPointerException if {@code file} is null
     */
    public Selection tenantsFile(Path file) {
        return new Selection(sections, tenants, shardIndex, shardCount, Objects.requireNonNull(file, "file"));
    }
    /** The section globs; empty for every section. */
    public List<String> sectionGlobs() {
        return sections;
    }

    /** The tenant globs; empty for every tenant. */
    public List<String> tenantGlobs() {
        return tenants;
    }

    /** The file of {@link #tenantsFile(Path)}, or {@code null}. */
    public Path tenantsFileOrNull() {
        return tenantsFile;
    }

    dev.drover.registry.Selection toRegistry() {
        return new dev.drover.registry.Selection(sections, tenants,
                shardCount == 0 ? null : new Shard(shardIndex, shardCount));
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        for (String each : more) {
            all.add(Objects.requireNonNull(each, "glob"));
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selection s && s.sections.equals(sections) && s.tenants.equals(tenants)
                && s.shardIndex == shardIndex && s.shardCount == shardCount && Objects.equals(s.tenantsFile, tenantsFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sections, tenants, shardIndex, shardCount, tenantsFile);
    }

    @Override
    public String toString() {
        return "Selection[sections=" + sections + ", tenants=" + tenants
                + (shardCount == 0 ? "" : ", shard=" + shardIndex + "/" + shardCount)
                + (tenantsFile == null ? "" : ", tenantsFile=" + tenantsFile) + "]";
    }
}
