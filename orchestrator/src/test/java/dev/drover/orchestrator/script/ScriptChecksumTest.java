package dev.drover.orchestrator.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptChecksumTest {

    private static final String SCRIPT = "-- revision: abc\n-- drover:upgrade\nSELECT '${tenant}';\n";

    @Test
    void isVersionedLowercaseSha256OfTheNormalisedContent() {
        // sha256("abc") is a published test vector.
        assertThat(ScriptChecksum.of("abc"))
                .isEqualTo("v1:sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ScriptChecksum.of(SCRIPT)).matches("v1:sha256:[0-9a-f]{64}");
    }

    @Test
    void ignoresLineEndingsBomAndTrailingWhitespace() {
        String lf = ScriptChecksum.of(SCRIPT);
        assertThat(ScriptChecksum.of(SCRIPT.replace("\n", "\r\n"))).isEqualTo(lf);
        assertThat(ScriptChecksum.of(SCRIPT.replace("\n", "\r"))).isEqualTo(lf);
        assertThat(ScriptChecksum.of("\uFEFF" + SCRIPT)).isEqualTo(lf);
        assertThat(ScriptChecksum.of(SCRIPT + "\n\n  \t\n")).isEqualTo(lf);
        assertThat(ScriptChecksum.of(SCRIPT.strip())).isEqualTo(lf);
    }

    @Test
    void changesWhenTheBodyOrHeaderChanges() {
        String lf = ScriptChecksum.of(SCRIPT);
        assertThat(ScriptChecksum.of(SCRIPT.replace("SELECT", "select"))).isNotEqualTo(lf);
        assertThat(ScriptChecksum.of(SCRIPT.replace("abc", "abd"))).isNotEqualTo(lf);
        assertThat(ScriptChecksum.of(" " + SCRIPT)).isNotEqualTo(lf);
        assertThat(ScriptChecksum.of(SCRIPT.replace(";\n", "; \n") + "SELECT 2;")).isNotEqualTo(lf);
    }
}
