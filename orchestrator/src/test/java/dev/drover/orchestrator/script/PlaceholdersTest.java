package dev.drover.orchestrator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private final Placeholders placeholders = new Placeholders();
    private final Map<String, String> values = Map.of("tenant", "acme", "schema", "t_acme", "database", "billing",
            "x.region", "eu-1");

    private String render(String sql) {
        return placeholders.render(sql, values, "v/a.sql", 7);
    }

    @Test
    void replacesPlaceholdersVerbatim() {
        assertThat(render("CREATE TABLE \"${schema}\".t (note text DEFAULT '${tenant}@${database}/${x.region}')"))
                .isEqualTo("CREATE TABLE \"t_acme\".t (note text DEFAULT 'acme@billing/eu-1')");
    }

    @Test
    void leavesTextWithoutPlaceholdersAndLoneDollarsAlone() {
        assertThat(render("SELECT $1, $$body$$, 'costs $5'")).isEqualTo("SELECT $1, $$body$$, 'costs $5'");
        assertThat(render("")).isEmpty();
    }

    @Test
    void doubleDollarEscapesALiteralPlaceholder() {
        assertThat(render("SELECT '$${tenant}', '${tenant}', '$$${tenant}'"))
                .isEqualTo("SELECT '${tenant}', 'acme', '$${tenant}'");
    }

    @Test
    void undefinedExtraPlaceholderNamesFileLineAndHowToDefineIt() {
        assertThatThrownBy(() -> render("SELECT 1,\n\n  '${x.colour}'"))
                .isInstanceOfSatisfying(PlaceholderException.class, e -> {
                    assertThat(e.placeholder()).isEqualTo("${x.colour}");
                    assertThat(e.line()).isEqualTo(9);
                })
                .hasMessage("v/a.sql:9: placeholder '${x.colour}' is not defined; define it with -x colour=value");
    }

    @Test
    void undefinedTenantAndUnknownNamesExplainTheAlternatives() {
        assertThatThrownBy(() -> placeholders.render("SELECT '${tenant}'", Map.of(), "v/a.sql", 3))
                .hasMessageStartingWith("v/a.sql:3: placeholder '${tenant}' is not defined; run this script only on "
                        + "sections with tenants");
        assertThatThrownBy(() -> render("SELECT '${tenantt}'"))
                .hasMessageContaining("'${tenantt}' is not defined; use ${tenant}, ${schema}, ${database}, ${tag} or ${x.NAME}");
    }

    @Test
    void malformedPlaceholderIsAnError() {
        assertThatThrownBy(() -> render("SELECT '${x-y}'"))
                .isInstanceOf(PlaceholderException.class)
                .hasMessageStartingWith("v/a.sql:7: malformed placeholder '${x-'")
                .hasMessageEndingWith("or $${ for a literal ${");
        assertThatThrownBy(() -> render("SELECT '${tenant'")).isInstanceOf(PlaceholderException.class);
        assertThatThrownBy(() -> render("SELECT ${")).isInstanceOf(PlaceholderException.class);
    }

    @Test
    void namesListsPlaceholdersWithoutEscapes() {
        assertThat(placeholders.names("SELECT '${tenant}', '$${schema}', ${x.a}, ${tenant}"))
                .containsExactly("tenant", "x.a");
        assertThat(placeholders.names("SELECT $1")).isEmpty();
    }

    @Test
    void checkValidatesWithoutValues() {
        placeholders.check("SELECT '${tenant}', '$${nope}'", Set.of("tenant"), "v/a.sql", 1);
        assertThatThrownBy(() -> placeholders.check("SELECT 1;\n${x.b}", Set.of("tenant"), "v/a.sql", 4))
                .hasMessage("v/a.sql:5: placeholder '${x.b}' is not defined; define it with -x b=value");
    }
}
