package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.drift.SchemaFingerprint;

/**
 * One target's schema as read from its server's catalog.
 *
 * @param fingerprint the schema, or {@code null} when it could not be read
 * @param error       why it could not be read, or {@code null}
 * @param recorded    whether its schema holds recorded fingerprints ({@link dev.drover.orchestrator.store.FingerprintStore})
 */
public record TargetSchema(SchemaFingerprint fingerprint, String error, boolean recorded) {

    static TargetSchema failed(String error) {
        return new TargetSchema(null, error, false);
    }
}
