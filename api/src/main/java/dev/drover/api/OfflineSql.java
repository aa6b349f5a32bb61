package dev.drover.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Offline SQL (Alembic's {@code --sql}): what each target would execute, written without any connection.
 *
 * @param byTarget target key to its SQL script, in rollout order; targets with nothing to do are left out
 */
public record OfflineSql(Map<String, String> byTarget) {

    public OfflineSql {
        byTarget = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byTarget));
    }
}
