package dev.drover.registry;

import static dev.drover.registry.IniFixture.at;
import static dev.drover.registry.IniFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lock_timeout ... throttle_wait: defaults, inheritance, decimals, and errors that name the line. */
class LiveSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreAFiveSecondLockTimeoutThreeRetriesNoStatementTimeoutAndNoThrottle() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:postgresql://h/db\n");

        assertThat(registry.section("drover").live()).isEqualTo(LiveSettings.DEFAULT);
        assertThat(LiveSettings.DEFAULT.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(LiveSettings.DEFAULT.lockRetries()).isEqualTo(3);
        assertThat(LiveSettings.DEFAULT.statementTimeout()).isZero();
        assertThat(LiveSettings.DEFAULT.throttled()).isFalse();
    }

    @Test
    void readsEveryKeyWithDecimalSecondsAndInheritsFromDefault() {
        Registry registry = load(dir, """
                [drover]
                databases = billing
                [DEFAULT]
                lock_timeout = 0.25
                [billing]
                url = jdbc:postgresql://h/db
                lock_retries = 0
                statement_timeout = 90
                throttle_query = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                throttle_max = 40.5
                throttle_wait = 600
                max_replication_lag = 2.5
                """);

        LiveSettings live = registry.section("billing").live();
        assertThat(live.lockTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(live.lockRetries()).isZero();
        assertThat(live.statementTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(live.throttleQuery()).isEqualTo("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'");
        assertThat(live.throttleMax()).isEqualTo(40.5);
        assertThat(live.throttleWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(live.maxReplicationLag()).isEqualTo(2.5);
        assertThat(registry.warnings()).isEmpty();
    }

    /** A section's errors surface when it is used. */
    private DatabaseSection section(String ini) {
        return load(dir, ini).section("drover");
    }

    @Test
    void aNegativeOrNonNumericTimeoutNamesTheLine() {
        assertThatThrownBy(() -> section("[drover]\nurl = jdbc:postgresql://h/db\nlock_timeout = -1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(at(dir, 3)).hasMessageContaining("'lock_timeout'")
                .hasMessageContaining("number of at least 0");
        assertThatThrownBy(() -> section("[drover]\nurl = jdbc:postgresql://h/db\nstatement_timeout = 5s\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(at(dir, 3));
    }

    @Test
    void throttleQueryAndThrottleMaxGoTogether() {
        assertThatThrownBy(() -> section("[drover]\nurl = jdbc:postgresql://h/db\nthrottle_query = SELECT 1\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(at(dir, 3))
                .hasMessageContaining("needs 'throttle_max'");
        assertThatThrownBy(() -> section("[drover]\nurl = jdbc:postgresql://h/db\nthrottle_max = 3\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no 'throttle_query'");
    }

    @Test
    void replicationLagIsPostgresOnly() {
        assertThatThrownBy(() -> section("[drover]\nurl = jdbc:mariadb://h/db\nmax_replication_lag = 3\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(at(dir, 3))
                .hasMessageContaining("PostgreSQL only").hasMessageContaining("throttle_query");
    }
}
