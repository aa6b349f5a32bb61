package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Scripts#history(String, Selection)} ({@code drover history -i}, {@code -r current:}): the one selected
 * target's version table is read to mark and resolve {@code current}. Subclassed per dialect.
 */
abstract class ScriptsHistoryContract extends ApiDatabaseContract {

    static final String R1 = "e1e1e1e1e1e1";
    static final String R2 = "f2f2f2f2f2f2";

    private Drover drover(List<String> tenants) throws Exception {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve(R1 + "_notes.sql"), "-- revision: " + R1 + "\n-- down_revision:\n"
                + "-- message: notes\n\n-- drover:upgrade\nCREATE TABLE notes (id INT PRIMARY KEY);\n"
                + "\n-- drover:downgrade\nDROP TABLE notes;\n");
        Files.writeString(versions.resolve(R2 + "_more.sql"), "-- revision: " + R2 + "\n-- down_revision: " + R1
                + "\n-- message: more notes\n\n-- drover:upgrade\nCREATE TABLE more_notes (id INT PRIMARY KEY);\n"
                + "\n-- drover:downgrade\nDROP TABLE more_notes;\n");
        return Drover.configure().section(Section.named("app").url(db().url()).tenants(() -> tenants)
                .createSchema(true).versionLocations(versions)).load();
    }

    @Test
    void historyMarksAndResolvesTheCurrentRevisionOfTheOneSelectedTarget() throws Exception {
        List<String> tenants = List.of(tenant("h1"), tenant("h2"));
        try (Drover drover = drover(tenants)) {
            drover.upgrade(R1, Selection.all(), Rollout.defaults());
            Selection first = Selection.all().tenants(tenants.get(0));

            List<RevisionInfo> marked = drover.scripts().history(null, first);

            assertThat(marked).extracting(RevisionInfo::id).containsExactly(R2, R1);
            assertThat(marked).extracting(RevisionInfo::current).containsExactly(false, true);
            assertThat(drover.scripts().history(R2 + ":", first)).extracting(RevisionInfo::id).containsExactly(R2);
            assertThat(drover.scripts().history(":current", first)).extracting(RevisionInfo::id).containsExactly(R1);
            assertThat(drover.scripts().history("current:", first)).extracting(RevisionInfo::id).containsExactly(R2, R1);
            assertThat(drover.scripts().history(null)).extracting(RevisionInfo::current).containsOnly(false);
        }
    }

    @Test
    void historyOfCurrentRefusesASelectionOfSeveralTargets() throws Exception {
        List<String> tenants = List.of(tenant("m1"), tenant("m2"));
        try (Drover drover = drover(tenants)) {
            assertThatThrownBy(() -> drover.scripts().history("current:", Selection.all()))
                    .isInstanceOf(DroverException.class).hasMessageContaining("exactly one target, but 2")
                    .hasMessageContaining("tenants(\"TENANT\")");
        }
    }
}
