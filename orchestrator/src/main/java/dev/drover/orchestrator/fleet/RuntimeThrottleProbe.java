package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Runs throttle probes through {@link MigrationRuntime#probe}: a connection of its own per server, no tenant selected. */
public final class RuntimeThrottleProbe implements ThrottleProbe {

    private final MigrationRuntime runtime;

    public RuntimeThrottleProbe(MigrationRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public CompletionStage<Double> measure(FleetTarget via, Throttle.Probe probe) {
        return runtime.probe(via.target(), session -> number(probe, session.query(probe.sql())));
    }

    /** The first column of the first row as a number. */
    static double number(Throttle.Probe probe, List<List<Object>> rows) throws SQLException {
        Object value = rows.isEmpty() || rows.get(0).isEmpty() ? null : rows.get(0).get(0);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new SQLException(probe.name() + " answered " + (value == null ? "no value" : "'" + value + "'")
                    + " instead of a number; make its query return one number in its first row and column");
        }
    }
}
