package dev.drover.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The published surface: what an application sees of {@code dev.drover.api} names only JDK types, the API's own
 * types and the run report values ({@code dev.drover.orchestrator.report}, the JSON's source). Engine, registry
 * and strategy types stay behind it, so they can change without breaking applications.
 */
class ApiSurfaceTest {

    private static final List<String> PUBLISHED = List.of("java.", "javax.", "dev.drover.api.",
            "dev.drover.orchestrator.report.", "dev.drover.migration.");

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drover.api");

    private static final DescribedPredicate<JavaClass> PUBLIC_API_CLASS = DescribedPredicate.describe(
            "public classes of dev.drover.api", c -> c.getPackageName().equals("dev.drover.api")
                    && c.getModifiers().contains(JavaModifier.PUBLIC)
                    && (c.getEnclosingClass().isEmpty() || c.getEnclosingClass().get().getModifiers().contains(JavaModifier.PUBLIC)));

    @Test
    void publicSignaturesNameNoInternalType() {
        codeUnits().that().areDeclaredInClassesThat(PUBLIC_API_CLASS).and().arePublic()
                .should(new ArchCondition<JavaCodeUnit>("name only published types") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                        types.add(unit.getReturnType());
                        types.addAll(unit.getThrowsClause().getTypes());
                        report(unit.getFullName(), types, events);
                    }
                }).check(API);
        fields().that().areDeclaredInClassesThat(PUBLIC_API_CLASS).and().arePublic()
                .should(new ArchCondition<JavaField>("name only published types") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        report(field.getFullName(), List.of(field.getType()), events);
                    }
                }).check(API);
    }

    @Test
    void implementationsArePackagePrivate() {
        Set<String> publicTypes = new TreeSet<>();
        API.stream().filter(PUBLIC_API_CLASS).map(JavaClass::getSimpleName).forEach(publicTypes::add);
        assertThat(publicTypes).containsExactlyInAnyOrder("Drover", "DroverBuilder", "DroverException", "FleetListener",
                "FleetReport", "OfflineSql", "Offboarding", "Onboarding", "RecoveryReport", "Transaction", "Rollout",
                "Section", "Selection", "StatusReport", "TargetEvent", "TargetState", "DryRunReport", "LintFinding",
                "TargetInfo", "DriftReport", "DriftedTarget", "Operation", "CancelToken", "SqlSink", "TargetHost", "Session", "Joined",
                "EngineHandle", "Group", "ServerDrift", "Difference", "Unreadable", "Check", "CheckReport", "TargetList",
                "Rejected",
                "Scripts", "RevisionInfo", "BranchPoint", "NewRevision", "RevisionOptions");
    }

    @Test
    void theApiStaysBelowTheCli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.drover.cli..", "picocli..", "io.micronaut..",
                "io.vertx..").check(API);
        // --cluster plugs in as a TargetHost; the API never reaches for the cluster module (nor Hazelcast) itself
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.drover.cluster..", "com.hazelcast..")
                .check(API);
    }

    private static void report(String member, List<JavaType> types, ConditionEvents events) {
        for (JavaType type : types) {
            for (JavaClass raw : type.getAllInvolvedRawTypes()) {
                String name = raw.getName();
                boolean published = raw.isPrimitive() || PUBLISHED.stream().anyMatch(name::startsWith);
                if (!published) {
                    events.add(SimpleConditionEvent.violated(member, member + " exposes internal type " + name));
                }
            }
        }
    }
}
