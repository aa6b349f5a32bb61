package dev.drover.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a section's tenants come from (the {@code tenants} key). Each variant carries
 * {@code where}, the file:line of its {@code tenants} key, for messages.
 */
public sealed interface TenantSource {

    /** @return file:line of the {@code tenants} key, or the file when absent */
    String where();

    /** No {@code tenants} key: the section is one target. */
    record None(String where) implements TenantSource {
    }

    /** {@code tenants = a, b, c}: a static list, in the written order (not yet validated). */
    record Listed(List<String> names, String where) implements TenantSource {
        public Listed {
            names = List.copyOf(names);
        }
    }

    /** {@code tenants = file: PATH}: one name per line; {@code #} comments and blank lines ignored. */
    record FromFile(Path path, String where) implements TenantSource {
    }

    /** {@code tenants = query: SQL}: discovered at run time over the section's connection (first column). */
    record FromQuery(String sql, String where) implements TenantSource {
    }

    /**
     * Tenants supplied by the application at each resolution (a registry built in code): the names are
     * validated like any other source's, and a rejected name is reported, never sent to a database.
     */
    record Supplied(Supplier<? extends List<String>> names, String where) implements TenantSource {
    }
}
