package dev.drover.registry;

import java.util.List;

/**
 * Which targets a command runs on: {@code --name} globs over section names, {@code --tenant}
 * globs over tenant names, and an optional {@code --shard}. Empty lists select everything. When
 * tenant globs are given, sections without tenants (single targets) are not selected.
 *
 * @param nameGlobs section-name globs ({@code *}, {@code ?}); empty = all sections
 * @param tenantGlobs tenant-name globs; empty = all tenants (and all single-target sections)
 * @param shard the partition to keep, or {@code null} for all
 * @param offline for offline SQL: the tenants of {@code query:} sections, which then run no query
 *                (no connection); {@code null} discovers them over a connection
 */
public record Selection(List<String> nameGlobs, List<String> tenantGlobs, Shard shard, OfflineTenants offline) {

    public Selection {
        nameGlobs = nameGlobs == null ? List.of() : List.copyOf(nameGlobs);
        tenantGlobs = tenantGlobs == null ? List.of() : List.copyOf(tenantGlobs);
    }

    /** A selection that discovers {@code query:} tenants over a connection. */
    public Selection(List<String> nameGlobs, List<String> tenantGlobs, Shard shard) {
        this(nameGlobs, tenantGlobs, shard, null);
    }

    /** @return the selection of every target */
    public static Selection all() {
        return new Selection(List.of(), List.of(), null);
    }

    /** @return a selection of the sections matching {@code nameGlobs}, every tenant, no shard */
    public static Selection names(String... nameGlobs) {
        return new Selection(List.of(nameGlobs), List.of(), null);
    }

    /** @return this selection narrowed to tenants matching {@code tenantGlobs} */
    public Selection withTenants(String... tenantGlobs) {
        return new Selection(nameGlobs, List.of(tenantGlobs), shard, offline);
    }

    /** @return this selection opening no connection: {@code query:} sections take their tenants from {@code tenants} */
    public Selection withOfflineTenants(OfflineTenants tenants) {
        return new Selection(nameGlobs, tenantGlobs, shard, tenants);
    }

    /** @return this selection limited to {@code shard} */
    public Selection withShard(Shard shard) {
        return new Selection(nameGlobs, tenantGlobs, shard, offline);
    }
}
