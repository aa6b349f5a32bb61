package com.example.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.api.Drover;
import dev.drover.api.FleetListener;
import dev.drover.api.FleetReport;
import dev.drover.api.Onboarding;
import dev.drover.api.Rollout;
import dev.drover.api.Selection;
import dev.drover.api.TargetEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first snippet of README "Using Drover from Java", run as written against a drover.ini on H2. */
class ReadmeSnippetTest {

    private static final Path SELF = Path.of("src/test/java/com/example/signup/ReadmeSnippetTest.java");

    @TempDir
    Path dir;

    @Test
    void theSnippetRunsAsTheReadmeShowsIt() throws IOException {
        Path iniFile = dir.resolve("drover.ini");
        Files.writeString(iniFile, "[drover]\ndatabases = billing\n\n[billing]\nurl = jdbc:h2:mem:readme_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ";DB_CLOSE_DELAY=-1\n"
                + "tenants = acme, acme_eu, globex\ncreate_schema = true\nversion_locations = "
                + Path.of("src/main/resources/db/versions").toAbsolutePath() + "\n");
        List<String> finished = new ArrayList<>();
        FleetListener myFleetListener = new FleetListener() {
            @Override
            public void targetFinished(TargetEvent event) {
                finished.add(event.target() + " " + event.status());
            }
        };
        // README:begin
        try (Drover drover = Drover.configure()
                .registry(iniFile)                           // or sections built in code, below
                .placeholder("region", "eu")                 // ${x.region}
                .listener(myFleetListener)                   // progress: targetStarted / targetFinished / warning
                .load()) {
            FleetReport r = drover.upgrade("head", Selection.all().sections("billing").tenants("acme*"),
                                           Rollout.defaults().concurrency(8).maxFailures(2));
            drover.status(); drover.check(Selection.all()); drover.offlineSql("head", Selection.all()); drover.recover(false);
            Onboarding newco = drover.onboard("billing", "newco");
        // README:end
            assertThat(r.summary().succeeded()).isEqualTo(2);
            assertThat(newco.succeeded()).isTrue();
            assertThat(finished).contains("billing/acme succeeded", "billing/acme_eu succeeded", "billing/newco succeeded");
        }
    }

    @Test
    void theReadmeQuotesThisSnippet() throws IOException {
        List<String> lines = Files.readAllLines(SELF);
        int from = lines.indexOf("        // README:begin");
        int to = lines.indexOf("        // README:end");
        assertThat(from).isPositive();
        String readme = Files.readString(Path.of("../../README.md"));
        for (String line : lines.subList(from + 1, to)) {
            assertThat(readme).as("README.md quotes ReadmeSnippetTest").contains(line.strip());
        }
    }
}
