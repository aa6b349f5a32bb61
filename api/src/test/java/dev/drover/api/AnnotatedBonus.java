package dev.drover.api;

import dev.drover.migration.JavaMigration;
import dev.drover.migration.JavaMigrationContext;
import dev.drover.migration.JavaRevision;

/** A Java revision without a companion script: its annotation places it after {@code e5e5e5e5e5e5}. */
@JavaRevision(revision = "f6f6f6f6f6f6", downRevision = "e5e5e5e5e5e5", message = "bonus", version = 3)
public class AnnotatedBonus implements JavaMigration {

    @Override
    public void upgrade(JavaMigrationContext context) throws Exception {
        context.execute("INSERT INTO accounts VALUES (7, 'bonus " + context.tenant() + "')");
    }
}
