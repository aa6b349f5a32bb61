package dev.drover.api;

import java.nio.file.Path;

/**
 * A revision script {@link Scripts#revision} or {@link Scripts#merge} wrote.
 *
 * @param id   the new revision's id
 * @param path the script file, absolute
 */
public record NewRevision(String id, Path path) {}
