package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import org.junit.jupiter.api.Test;

class PipelineMarkerTest {

    @Test
    void theFirstMarkerInTheDriversMessageNamesTheStatement() {
        String sql = PipelineMarker.mark(4, "UPDATE t SET note = '/* drover:9 */'");
        BatchUpdateException e = new BatchUpdateException("Batch-Eintrag 5 " + sql + " wurde abgebrochen", new int[0]);

        assertThat(PipelineMarker.failedIndex(e, 6)).isEqualTo(4);
    }

    @Test
    void beginCommitOrAMessageWithoutTheStatementNameNone() {
        assertThat(PipelineMarker.failedIndex(new BatchUpdateException("Batch entry 0 BEGIN was aborted", new int[0]), 3))
                .isEqualTo(-1);
        assertThat(PipelineMarker.failedIndex(new BatchUpdateException("Batch entry 2 <unknown> was aborted", new int[0]), 3))
                .isEqualTo(-1);
        assertThat(PipelineMarker.failedIndex(new BatchUpdateException((String) null, new int[0]), 3)).isEqualTo(-1);
    }
}
