package dev.drover.api;

import dev.drover.migration.JavaMigration;
import dev.drover.migration.JavaMigrationContext;

/** Writes only through the context, so offline SQL can carry it; fails after writing when x.fail is set. */
public class RecordedBackfill implements JavaMigration {

    @Override
    public void upgrade(JavaMigrationContext context) throws Exception {
        context.execute("UPDATE accounts SET note = 'backfilled " + context.tenant() + "' WHERE id = 1");
        if ("yes".equals(context.placeholders().get("x.fail"))) {
            throw new IllegalStateException("backfill failed on purpose");
        }
    }
}
