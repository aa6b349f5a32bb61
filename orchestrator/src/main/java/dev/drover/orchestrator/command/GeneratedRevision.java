package dev.drover.orchestrator.command;

import java.nio.file.Path;

/** A revision script written by {@code drover revision} or {@code drover merge}. */
public record GeneratedRevision(String id, Path path) {}
