package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.runtime.FakeScripts;
import dev.drover.orchestrator.runtime.MigrationTarget;
import java.util.List;

/** Two participants with two revisions each; shared by the ITs and the crashing child JVM. */
final class TwoPhaseFixtures {

    private TwoPhaseFixtures() {}

    static MigrationTarget target(String key, String url, String schema) {
        return MigrationTarget.of(key, url).withTenant(schema).withCreateSchema(true);
    }

    static FakeScripts scripts(String secondRevisionSql) {
        return new FakeScripts()
                .add("a1", List.of(), List.of("CREATE TABLE items (id INT PRIMARY KEY)"), List.of("DROP TABLE items"))
                .add("a2", List.of("a1"), List.of(secondRevisionSql), List.of("DROP TABLE notes"));
    }

    static List<Participant> group(String url0, String url1, String schema, String secondSqlOfSecond) {
        FakeScripts good = scripts("CREATE TABLE notes (id INT)");
        FakeScripts other = scripts(secondSqlOfSecond);
        return List.of(new Participant(target("one/" + schema, url0, schema), good, good::linearFrom),
                new Participant(target("two/" + schema, url1, schema), other, other::linearFrom));
    }
}
