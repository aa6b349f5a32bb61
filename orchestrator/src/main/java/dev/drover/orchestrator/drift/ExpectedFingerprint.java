package dev.drover.orchestrator.drift;

import java.util.Objects;

/**
 * The schema a revision produced on the first target that reached it, as {@code upgrade} recorded it.
 *
 * @param revision    the target's heads after the run, as {@link DriftTarget#revision()} shows them
 * @param dialect     the database family it was read from ({@code postgresql}...): only compared within one
 * @param source      the key of the target it was read from
 * @param fingerprint what that target's schema was
 */
public record ExpectedFingerprint(String revision, String dialect, String source, SchemaFingerprint fingerprint) {

    public ExpectedFingerprint {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
