package dev.drover.registry;

import static dev.drover.registry.IniFixture.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {

    @TempDir
    Path dir;

    private static final String PASSWORD = "p%w:d@h/x;y";

    @Test
    void secretNeverPrintsItsValue() {
        assertThat(Secret.of("hunter2")).hasToString("***");
        assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
        assertThat(Secret.none().isEmpty()).isTrue();
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://h:5432/db?user=u&password=s3cr;et&ssl=true | jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true",
        "jdbc:postgresql://h/db?PASSWORD=s3cret | jdbc:postgresql://h/db?PASSWORD=***",
        "jdbc:mariadb://h/db?user=u&sslPassword=x&pwd=y | jdbc:mariadb://h/db?user=u&sslPassword=***&pwd=***",
        "jdbc:mysql://u:p@ss@h:3306/db | jdbc:mysql://u:***@h:3306/db",
        "jdbc:postgresql://h:5432/db?user=me@corp.com | jdbc:postgresql://h:5432/db?user=me@corp.com",
        "jdbc:h2:tcp://h/~/db;USER=sa;PASSWORD=s3cret;MODE=PostgreSQL | jdbc:h2:tcp://h/~/db;USER=sa;PASSWORD=***;MODE=PostgreSQL",
        "jdbc:h2:mem:x;password = s3cret | jdbc:h2:mem:x;password = ***",
        "jdbc:postgresql://h/db?user=u | jdbc:postgresql://h/db?user=u",
    })
    void masksUrlCredentials(String url, String masked) {
        assertThat(UrlMasker.mask(url)).isEqualTo(masked);
    }

    @Test
    void masksUrlsInsideMessagesAndKnownSecrets() {
        assertThat(UrlMasker.mask("No suitable driver found for jdbc:x://h/db?password=abc def"))
                .isEqualTo("No suitable driver found for jdbc:x://h/db?password=*** def");
        assertThat(UrlMasker.sanitize("FATAL: password authentication failed for hunter2", List.of(Secret.of("hunter2"))))
                .isEqualTo("FATAL: password authentication failed for ***");
    }

    @Test
    void awkwardPasswordLoadsAndNeverShows() {
        Registry registry = load(dir, """
                [drover]
                databases = raw, env, inurl
                [raw]
                url = jdbc:postgresql://h/raw
                password = p%%w:d@h/x;y
                tenants = a
                [env]
                url = jdbc:postgresql://h/env
                password = ${env:PW}
                [inurl]
                url = jdbc:postgresql://h/inurl?user=u&password=${env:PW}
                two_phase = maybe
                """, Map.of("PW", PASSWORD));

        assertThat(registry.section("raw").password().reveal()).isEqualTo(PASSWORD);
        assertThat(registry.section("env").password().reveal()).isEqualTo(PASSWORD);
        ResolvedTargets some = registry.targets(Selection.names("raw", "env"));
        assertThat(some.targets()).hasSize(2);
        List<String> texts = new java.util.ArrayList<>();
        some.targets().forEach(t -> texts.add(t.toString()));
        some.targets().forEach(t -> texts.add(t.section().toString()));
        some.targets().forEach(t -> texts.add(t.maskedUrl()));
        texts.add(registry.toString());
        texts.add(some.toString());
        assertThatThrownBy(() -> registry.section("inurl")).satisfies(e -> texts.add(e.getMessage()));
        assertThatThrownBy(() -> registry.targets(Selection.all())).satisfies(e -> texts.add(e.getMessage()));
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD).doesNotContain("p%w"));
    }

    @Test
    void unsupportedUrlMessageMasksTheUrl() {
        Registry registry = load(dir, "[drover]\nurl = jdbc:oracle:thin:@h:1521/x?password=${env:PW}\n", Map.of("PW", PASSWORD));

        assertThatThrownBy(() -> registry.section("drover")).hasMessageContaining("password=***")
                .hasMessageNotContaining("p%w");
    }

    @Test
    void maskedUrlOfTargets() {
        RegistryTarget t = load(dir, "[drover]\nurl = jdbc:postgresql://h/db?user=u&password=${env:PW}\n", Map.of("PW", "zz9"))
                .targets(Selection.all()).targets().get(0);

        assertThat(t.url()).endsWith("password=zz9");
        assertThat(t.maskedUrl()).isEqualTo("jdbc:postgresql://h/db?user=u&password=***");
        assertThat(t.toString()).doesNotContain("zz9");
    }
}
