/**
 * Fleet fan-out: one operation (upgrade, downgrade, stamp) over an ordered list of {@link
 * dev.drover.orchestrator.fleet.FleetTarget}s under a {@link dev.drover.orchestrator.fleet.RolloutPolicy}
 * (global and per-server limits, failure budget, canary, waves), with cancellation, progress and a
 * per-target outcome for each ({@link dev.drover.orchestrator.fleet.FleetRunner}); and the read-only
 * {@code status}/{@code check} ({@link dev.drover.orchestrator.fleet.FleetInspector}).
 *
 * <p>Roles: {@code RolloutScheduler} decides (pure state machine), {@code FleetRunner} drives it on the
 * caller's thread, {@link dev.drover.orchestrator.fleet.TargetExecutor} runs one target (the runtime),
 * {@link dev.drover.orchestrator.fleet.StateReader} reads version/history tables in bulk so no-op targets
 * take no lock and open no transaction.
 */
package dev.drover.orchestrator.fleet;
