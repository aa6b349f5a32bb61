/**
 * The published SPI for revisions written in Java: {@link dev.drover.migration.JavaMigration}, its
 * {@link dev.drover.migration.JavaMigrationContext} and the {@link dev.drover.migration.JavaRevision} annotation.
 * Applications implement these; the engine stays behind them.
 */
package dev.drover.migration;
