package dev.drover.migration;

/**
 * A revision written in Java, for what SQL cannot say (a backfill computed in code, a call to a library).
 * Name the class in a header-only script in a version location, which places it in the revision graph:
 * <pre>
 * -- revision: 5e6f7a8b9c0d
 * -- down_revision: 3c4d5e6f7a8b
 * -- message: backfill invoice totals
 * -- java: com.example.migrations.BackfillTotals
 * </pre>
 * The class needs a public no-argument constructor and is loaded from the thread's context class loader
 * (else Drover's). It runs under the same transaction rules as a SQL revision: inside the revision's
 * transaction where the script and the database allow (PostgreSQL), otherwise recorded as started and then
 * done; never commit, roll back or change auto-commit on {@link JavaMigrationContext#connection()}. Its
 * checksum is {@code v1:java:<class>:<version>} from {@link JavaRevision#version()}: raise the version when
 * the class changes what it does, and {@code drover check} reports the targets that ran an older one.
 */
public interface JavaMigration {

    /**
     * Moves one target up through this revision.
     *
     * @throws Exception any failure: the target fails on this revision, with the exception's message
     */
    void upgrade(JavaMigrationContext context) throws Exception;

    /**
     * Moves one target down through this revision; by default the revision cannot be downgraded.
     *
     * @throws Exception any failure, as for {@link #upgrade}
     */
    default void downgrade(JavaMigrationContext context) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " has no downgrade; implement"
                + " downgrade(JavaMigrationContext) to make the revision reversible");
    }
}
