package dev.drover.orchestrator.script;

import dev.drover.orchestrator.graph.Revision;
import java.nio.file.Path;
import java.util.List;

/**
 * One parsed migration script: its graph node plus what the runtime needs to run it.
 *
 * @param revision      the graph node declared by the header
 * @param path          the script file
 * @param createDate    the {@code create_date} header, verbatim (may be empty)
 * @param transactional {@code false} when the header says {@code transactional: false}
 * @param upgrade       statements of the {@code -- drover:upgrade} section, in order
 * @param downgrade     statements of the {@code -- drover:downgrade} section, in order
 * @param checksum      {@code v1:sha256:<hex>} of the unrendered body, line endings normalised
 */
public record MigrationScript(
        Revision revision,
        Path path,
        String createDate,
        boolean transactional,
        List<Statement> upgrade,
        List<Statement> downgrade,
        String checksum) {

    public MigrationScript {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    public String id() {
        return revision.id();
    }
}
