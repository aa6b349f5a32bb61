package dev.drover.api;

import dev.drover.migration.JavaMigration;
import dev.drover.migration.JavaMigrationContext;
import dev.drover.migration.JavaRevision;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Reads through the connection (so it cannot be written offline) and writes with a prepared statement. */
@JavaRevision(version = 2)
public class AddNoteRow implements JavaMigration {

    @Override
    public void upgrade(JavaMigrationContext context) throws Exception {
        int rows;
        try (PreparedStatement count = context.connection().prepareStatement("SELECT COUNT(*) FROM accounts");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            rows = rs.getInt(1);
        }
        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO accounts VALUES (?, ?)")) {
            insert.setInt(1, 100 + rows);
            insert.setString(2, "java " + context.tenant() + " " + context.dialect() + " " + context.placeholders().get("x.region"));
            insert.executeUpdate();
        }
    }

    @Override
    public void downgrade(JavaMigrationContext context) throws Exception {
        context.execute("DELETE FROM accounts WHERE id >= 100");
    }
}
