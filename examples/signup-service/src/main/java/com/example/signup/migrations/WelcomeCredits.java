package com.example.signup.migrations;

import dev.drover.migration.JavaMigration;
import dev.drover.migration.JavaMigrationContext;
import dev.drover.migration.JavaRevision;

/** A data migration in Java: every tenant starts with welcome credits that depend on its plan. */
@JavaRevision(version = 1)
public class WelcomeCredits implements JavaMigration {

    @Override
    public void upgrade(JavaMigrationContext context) throws Exception {
        int amount = "trial".equals(context.placeholders().get("x.plan")) ? 100 : 500;
        context.execute("INSERT INTO credits (amount, note) VALUES (" + amount + ", 'welcome "
                + context.tenant() + "')");
    }

    @Override
    public void downgrade(JavaMigrationContext context) throws Exception {
        context.execute("DELETE FROM credits WHERE note LIKE 'welcome %'");
    }
}
