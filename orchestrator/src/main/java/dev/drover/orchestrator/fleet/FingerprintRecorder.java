package dev.drover.orchestrator.fleet;

import java.util.List;

/**
 * Records, after an upgrade, the schema each revision produced on the first target that reached it (issue 16):
 * {@link RecordedFingerprints} with this process's connections, or a cluster's agents with theirs.
 */
public interface FingerprintRecorder {

    /**
     * Records the fingerprints of the revisions the succeeded {@code outcomes} reached. Blocks the calling
     * thread; never throws.
     *
     * @return what could not be recorded, one message each (the run's outcome does not depend on it)
     */
    List<String> record(List<TargetOutcome> outcomes);
}
