package dev.drover.orchestrator.fleet;

import dev.drover.testing.DatabaseKind;

/**
 * {@link FleetContract} on embedded H2, the dialect without a bulk read (every target is read on its
 * own). One target at a time: concurrent DDL of several tenants in one H2 database times out on
 * H2's "SYS" table lock while another target's lock-row transaction is open (HYT00).
 */
class FleetH2IT extends FleetContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Override
    protected int tenants() {
        return 30;
    }

    @Override
    protected RolloutPolicy policy() {
        return RolloutPolicy.defaults().withConcurrency(1);
    }

    @Override
    protected String tableExistsState() {
        return "42S01";
    }
}
