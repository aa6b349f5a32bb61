package dev.drover.orchestrator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FileNameTemplateTest {

    private static final LocalDateTime DATE = LocalDateTime.of(2026, 11, 2, 7, 3, 9);

    @Test
    void slugJoinsWordRunsLowerCased() {
        assertThat(FileNameTemplate.slug("add accounts", 40)).isEqualTo("add_accounts");
        assertThat(FileNameTemplate.slug("Add ABCD data/info -- v2!", 40)).isEqualTo("add_abcd_data_info_v2");
        assertThat(FileNameTemplate.slug("keep__under_scores", 40)).isEqualTo("keep__under_scores");
        assertThat(FileNameTemplate.slug("Ünïcode straße", 40)).isEqualTo("ünïcode_straße");
        assertThat(FileNameTemplate.slug("", 40)).isEmpty();
        assertThat(FileNameTemplate.slug(null, 40)).isEmpty();
    }

    @Test
    void longSlugIsCutAtTheLastUnderscoreAndEndsWithOne() {
        String message = "add the invoices table with tenant notes and currency column"; // 60 characters
        // Python: slug[:40] == "add_the_invoices_table_with_tenant_notes"; rsplit("_", 1)[0] + "_"
        assertThat(FileNameTemplate.slug(message, 40)).isEqualTo("add_the_invoices_table_with_tenant_");
        assertThat(FileNameTemplate.slug("abcdefghij", 5)).isEqualTo("abcde_");
        assertThat(FileNameTemplate.slug("exactly ten", 11)).isEqualTo("exactly_ten");
    }

    @Test
    void rendersAlembicTokens() {
        assertThat(FileNameTemplate.render("%(rev)s_%(slug)s", "abc", "add_x", DATE)).isEqualTo("abc_add_x");
        assertThat(FileNameTemplate.render("%(year)d%(month).2d%(day).2d_%(hour).2d%(minute).2d%(second).2d_%(rev)s",
                "abc", "s", DATE)).isEqualTo("20261102_070309_abc");
        long epoch = DATE.atZone(ZoneId.systemDefault()).toEpochSecond();
        assertThat(FileNameTemplate.render("%(epoch)s_%(rev)s", "abc", "s", DATE)).isEqualTo(epoch + "_abc");
    }

    @Test
    void supportsPythonFlagsWidthPrecisionAndPercentEscape() {
        assertThat(FileNameTemplate.render("%(month)02d|%(day)3d|%(day)-3d|%(day)+d|%(rev).2s|%(rev)5s|100%%",
                "abc", "s", DATE)).isEqualTo("11|  2|2  |+2|ab|  abc|100%");
    }

    @Test
    void rejectsUnknownTokensAndConversions() {
        assertThatThrownBy(() -> FileNameTemplate.render("%(revision)s", "a", "s", DATE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown token 'revision'")
                .hasMessageEndingWith("fix 'file_template' in drover.ini");
        assertThatThrownBy(() -> FileNameTemplate.render("%(rev)d", "a", "s", DATE))
                .hasMessageContaining("use '%(rev)s'");
        assertThatThrownBy(() -> FileNameTemplate.render("%(day)x", "a", "s", DATE))
                .hasMessageContaining("conversion 'x' is not supported");
        assertThatThrownBy(() -> FileNameTemplate.render("50% off", "a", "s", DATE))
                .hasMessageContaining("'%%'");
        assertThatThrownBy(() -> FileNameTemplate.render("%(day)", "a", "s", DATE))
                .hasMessageContaining("has no conversion");
    }
}
