package dev.drover.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.fleet.Cancellation;
import dev.drover.orchestrator.fleet.FleetListener;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.FleetResult;
import dev.drover.orchestrator.fleet.OutcomeStatus;
import dev.drover.orchestrator.fleet.TargetOutcome;
import dev.drover.registry.RegistryLoader;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every instant in a fleet's result comes from the one clock it is given (embedded H2); durations stay monotonic. */
class FleetClockIT {

    private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theRunAndTheDryRunTakeTheirTimesFromTheFleetsClock() throws Exception {
        Files.createDirectories(tmp.resolve("versions"));
        Files.writeString(tmp.resolve("versions/aaa001_t.sql"), "-- revision: aaa001\n-- down_revision:\n\n"
                + "-- drover:upgrade\nCREATE TABLE t (id INT);\n\n-- drover:downgrade\nDROP TABLE t;\n");
        Files.writeString(tmp.resolve("drover.ini"), "[drover]\ndatabases = app\n[app]\nurl = jdbc:h2:mem:clock"
                + ";DB_CLOSE_DELAY=-1\ntenants = acme, globex\ncreate_schema = true\nversion_locations = %(here)s/versions\n");
        List<RegistryTarget> targets = new RegistryLoader().env(Map.of()).load(tmp.resolve("drover.ini"))
                .targets(Selection.all()).targets();
        try (Fleet fleet = Fleet.of(targets, Map.of(), null).withClock(Clock.fixed(NOON, ZoneOffset.UTC))) {
            FleetResult dry = fleet.dryRun(FleetOperation.upgrade("head")).plan();
            assertThat(dry.startedAt()).isEqualTo(NOON);
            assertThat(dry.finishedAt()).isEqualTo(NOON);

            FleetResult up = fleet.run(FleetOperation.upgrade("head"), fleet.defaultPolicy(2), FleetListener.NONE,
                    new Cancellation());
            assertThat(up.outcomes()).extracting(TargetOutcome::status)
                    .containsExactly(OutcomeStatus.SUCCEEDED, OutcomeStatus.SUCCEEDED);
            assertThat(up.startedAt()).isEqualTo(NOON);
            assertThat(up.finishedAt()).isEqualTo(NOON);
        }
    }
}
