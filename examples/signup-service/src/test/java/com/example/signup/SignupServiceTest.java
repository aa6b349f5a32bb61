package com.example.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The example on in-memory H2, and the README's Java snippet checked against the code it quotes. */
class SignupServiceTest extends SignupContract {

    private final String url = "jdbc:h2:mem:signup_" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + ";DB_CLOSE_DELAY=-1";

    @Override
    String url() {
        return url;
    }

    @Test
    void theReadmeQuotesTheFactoryThatThisTestRuns() throws IOException {
        List<String> factory = Files.readAllLines(Path.of("src/main/java/com/example/signup/DroverFactory.java"));
        int from = indexOf(factory, "return Drover.configure()");
        int to = indexOf(factory, ".load();");
        String readme = Files.readString(Path.of("../../README.md"));
        for (String line : factory.subList(from, to + 1)) {
            assertThat(readme).as("README.md quotes DroverFactory line").contains(line.strip());
        }
        assertThat(readme).contains("<artifactId>drover-api</artifactId>").contains("<groupId>dev.drover</groupId>");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("DroverFactory.java has no line with '" + text + "'");
    }
}
