package dev.drover.orchestrator.twophase;

/**
 * One in-doubt transaction seen by a recovery that ran elsewhere ({@code drover recover --cluster}), with its
 * two-phase group and the node that resolved (or reported) it.
 *
 * @param group       the journal's group name, or {@code null} for an orphan no journal knows
 * @param runId       the run that prepared it, or {@code null} for an orphan
 * @param transaction what was done, as a local {@code drover recover} reports it
 * @param node        the agent that resolved or reported it, or {@code null} when no agent could be asked
 */
public record NodeRecovery(String group, String runId, RecoveredTransaction transaction, String node) {}
