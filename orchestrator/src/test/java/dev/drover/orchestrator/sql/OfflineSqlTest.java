package dev.drover.orchestrator.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.runtime.FakeScripts;
import dev.drover.orchestrator.runtime.MigrationTarget;
import org.junit.jupiter.api.Test;

class OfflineSqlTest {

    @Test
    void rangesSplitAtTheFirstColonAndAMissingStartMeansBase() {
        assertThat(OfflineSql.split("head")).containsExactly(null, "head");
        assertThat(OfflineSql.split("1a2b:head")).containsExactly("1a2b", "head");
        assertThat(OfflineSql.split(":head")).containsExactly(null, "head");
        assertThatThrownBy(() -> OfflineSql.split("1a2b:")).isInstanceOf(RevisionException.class)
                .hasMessageContaining("'1a2b:' has no end");
    }

    @Test
    void offlineDowngradeNeedsAStartBecauseItNeverReadsTheDatabase() {
        assertThatThrownBy(() -> OfflineSql.downgrade(MigrationTarget.of("t", "jdbc:h2:mem:x"), new FakeScripts(), "-1", "r"))
                .isInstanceOf(RevisionException.class)
                .hasMessageContaining("needs a starting revision")
                .hasMessageEndingWith("use '<fromrev>:<torev>', e.g. 'head:-1'");
    }
}
