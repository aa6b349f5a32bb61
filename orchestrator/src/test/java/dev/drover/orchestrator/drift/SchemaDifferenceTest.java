package dev.drover.orchestrator.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.drift.SchemaObject.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDifferenceTest {

    @Test
    void aMissingTableIsOneDifferenceNotOnePerColumnAndIndex() {
        SchemaFingerprint expected = SchemaFingerprint.of(List.of(
                new SchemaObject(Kind.TABLE, "", "notes", ""),
                new SchemaObject(Kind.COLUMN, "notes", "body", "text"),
                new SchemaObject(Kind.INDEX, "notes", "notes_ix", "CREATE INDEX notes_ix ON notes (body)"),
                new SchemaObject(Kind.TABLE, "", "orders", "")));
        SchemaFingerprint actual = SchemaFingerprint.of(List.of(
                new SchemaObject(Kind.TABLE, "", "orders", ""),
                new SchemaObject(Kind.TABLE, "", "tmp_fix", ""),
                new SchemaObject(Kind.COLUMN, "tmp_fix", "id", "integer")));

        assertThat(SchemaDifference.between(actual, expected)).extracting(SchemaDifference::message)
                .containsExactly("table notes missing", "extra table tmp_fix");
    }

    @Test
    void theSameObjectsInAnyOrderGiveTheSameFingerprint() {
        SchemaObject a = new SchemaObject(Kind.TABLE, "", "a", "");
        SchemaObject b = new SchemaObject(Kind.COLUMN, "a", "x", "int");
        assertThat(SchemaFingerprint.of(List.of(a, b))).isEqualTo(SchemaFingerprint.of(List.of(b, a)));
        assertThat(SchemaFingerprint.of(List.of(a, b)).hash())
                .isNotEqualTo(SchemaFingerprint.of(List.of(a, new SchemaObject(Kind.COLUMN, "a", "x", "bigint"))).hash());
        assertThat(SchemaDifference.between(SchemaFingerprint.of(List.of(a, b)), SchemaFingerprint.of(List.of(b, a)))).isEmpty();
    }

    @Test
    void aRecordedFingerprintReadsBackEqualEvenWithTabsBackslashesAndLineBreaks() {
        SchemaFingerprint fingerprint = SchemaFingerprint.of(List.of(
                new SchemaObject(Kind.TABLE, "", "orders", ""),
                new SchemaObject(Kind.FUNCTION, "", "f(integer)", "returns text language sql: SELECT 'a\tb\\n' || E'\\\\'\n;"),
                new SchemaObject(Kind.COLUMN, "orders", "note", "text default 'x'")));
        SchemaFingerprint back = SchemaFingerprint.parse(fingerprint.serialized());
        assertThat(back).isEqualTo(fingerprint);
        assertThat(back.hash()).isEqualTo(fingerprint.hash());
        assertThatThrownBy(() -> SchemaFingerprint.parse("TABLE\torders\n")).hasMessageContaining("4 tab-separated fields");
    }

    @Test
    void anObjectListedTwiceIsACatalogError() {
        SchemaObject a = new SchemaObject(Kind.INDEX, "t", "ix", "x");
        assertThatThrownBy(() -> SchemaFingerprint.of(List.of(a, a))).hasMessageContaining("index ix twice");
    }
}
