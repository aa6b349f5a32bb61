/**
 * Drover as a Java library. {@link dev.drover.api.Drover#configure()} builds a {@link dev.drover.api.Drover} over
 * a {@code drover.ini} file or {@link dev.drover.api.Section}s built in code (a URL or the application's own
 * {@link javax.sql.DataSource}, tenants as a list or a supplier); its methods are the fleet commands with typed,
 * immutable results: {@link dev.drover.api.Drover#upgrade upgrade} / {@code downgrade} / {@code stamp} return a
 * {@link dev.drover.api.FleetReport} (the run report the command line's JSON is written from),
 * {@link dev.drover.api.Drover#status status} and {@code check} a {@link dev.drover.api.StatusReport},
 * {@link dev.drover.api.Drover#offlineSql offlineSql} an {@link dev.drover.api.OfflineSql},
 * {@link dev.drover.api.Drover#recover recover} (also {@code recover --cluster}, through a
 * {@link dev.drover.api.TargetHost}) a {@link dev.drover.api.RecoveryReport}, and
 * {@link dev.drover.api.Drover#onboard onboard} / {@code offboard} a tenant's lifecycle.
 * {@link dev.drover.api.Selection} and {@link dev.drover.api.Rollout} are the command line's selection and rollout
 * options as immutable values; a {@link dev.drover.api.FleetListener} sees progress, lint findings before a run
 * (and may refuse it) and warnings. The command line's {@code upgrade}, {@code downgrade}, {@code stamp} and
 * {@code repair} are one call each: {@link dev.drover.api.Drover#run run},
 * {@link dev.drover.api.Drover#dryRun(Operation, Selection, Rollout) dryRun} or
 * {@link dev.drover.api.Drover#offlineSql(Operation, Selection, Rollout, SqlSink) offlineSql} with an
 * {@link dev.drover.api.Operation}; Ctrl-C is a {@link dev.drover.api.CancelToken}, {@code --cluster} a
 * {@link dev.drover.api.TargetHost} (an extension point for Drover's own modules). Its read commands are one call
 * each too: {@code targets} is {@link dev.drover.api.Drover#targetList targetList} (a
 * {@link dev.drover.api.TargetList}), {@code current} and {@code status} are
 * {@link dev.drover.api.Drover#current current} and {@link dev.drover.api.Drover#status(Selection) status},
 * {@code check [--deep] [--drift]} is {@link dev.drover.api.Drover#check(Selection, Check) check} with a
 * {@link dev.drover.api.Check} (a {@link dev.drover.api.CheckReport}), {@code lint} is
 * {@link dev.drover.api.Drover#lintScripts lintScripts} and {@code drift} is
 * {@link dev.drover.api.Drover#drift drift} (a {@link dev.drover.api.DriftReport}). The script-directory commands
 * {@code heads}, {@code branches}, {@code history}, {@code show}, {@code revision} and {@code merge} are calls of
 * {@link dev.drover.api.Drover#scripts(String...) scripts(sections)}, a {@link dev.drover.api.Scripts} (results
 * {@link dev.drover.api.RevisionInfo}, {@link dev.drover.api.BranchPoint}, {@link dev.drover.api.NewRevision});
 * {@code edit}, {@code init} and {@code list-templates} stay command-line only (an editor, a scaffold), as do
 * {@code completion} (a shell script) and {@code agent} (a long-running cluster member process).
 *
 * <p>Only JDK types, this package's types, the run report values ({@code dev.drover.orchestrator.report}) and the
 * Java revision SPI ({@code dev.drover.migration}) appear in public signatures (an ArchUnit test holds it);
 * everything else is package-private or internal to the other modules and may change.
 */
package dev.drover.api;
