package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.drift.SchemaFingerprint;

/**
 * One target's schema as read from its server's catalog.
 *
 * @param fingerprint the schema, or {@code null} when it could not be read
 * @param error       why it could not be read, or {@code null}
 */
public record TargetSchema(SchemaFingerprint fingerprint, String error) {

    static TargetSchema failed(String error) {
        return new TargetSchema(null, error);
    }
}
