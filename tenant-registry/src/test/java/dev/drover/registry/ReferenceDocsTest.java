package dev.drover.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference in docs/ keeps up with the parser: every key drover.ini accepts has a row in
 * docs/configuration.md, and the README and docs/ link only to files inside the repository.
 */
class ReferenceDocsTest {

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("docs/configuration.md"))) {
            here = here.getParent();
        }
        assertThat(here).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return here;
    }

    @Test
    void everyDroverIniKeyIsDocumented() throws IOException {
        String doc = Files.readString(root().resolve("docs/configuration.md"));
        List<String> keys = new ArrayList<>(SectionParser.DATABASE_KEYS);
        keys.addAll(SectionParser.DROVER_KEYS);
        assertThat(keys).allSatisfy(key -> assertThat(doc).as("docs/configuration.md documents '%s'", key)
                .containsPattern("\\| [^|\\n]*`" + Pattern.quote(key) + "`"));
    }

    @Test
    void theReadmeAndDocsLinkOnlyToFilesInTheRepository() throws IOException {
        Path root = root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        for (Path page : pages) {
            Matcher m = link.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                assertThat(target).as("link in %s", root.relativize(page)).doesNotContain("://")
                        .doesNotStartWith("/");
                String file = target.replaceFirst("#.*$", "");
                if (!file.isEmpty()) {
                    assertThat(page.getParent().resolve(file)).as("link '%s' in %s", target, root.relativize(page))
                            .exists();
                }
            }
        }
    }
}
