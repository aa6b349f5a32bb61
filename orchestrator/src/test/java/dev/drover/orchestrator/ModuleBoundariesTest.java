package dev.drover.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/design.md, Modules: the engine knows nothing about INI files, the CLI or DI; the graph is pure. */
class ModuleBoundariesTest {

    private static final JavaClasses ORCHESTRATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drover.orchestrator");

    @Test
    void orchestratorDependsOnNoOtherModuleNorCliLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.drover.registry..", "dev.drover.env..", "dev.drover.cli..",
                        "picocli..", "io.micronaut..", "org.apache.commons.configuration2..")
                .check(ORCHESTRATOR);
    }

    @Test
    void revisionGraphIsPure() {
        noClasses().that().resideInAPackage("dev.drover.orchestrator.graph..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.io..", "java.nio.file..", "java.sql..", "io.vertx..", "dev.drover.orchestrator.script..")
                .check(ORCHESTRATOR);
    }

    @Test
    void theLintRulesArePureAndReadOnlyScripts() {
        noClasses().that().resideInAPackage("dev.drover.orchestrator.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.io..", "java.nio.file..",
                        "io.vertx..", "dev.drover.orchestrator.runtime..", "dev.drover.orchestrator.dialect..",
                        "dev.drover.orchestrator.fleet..")
                .check(ORCHESTRATOR);
    }

    @Test
    void driftComparisonIsPure() {
        noClasses().that().resideInAPackage("dev.drover.orchestrator.drift..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.io..", "java.nio.file..",
                        "io.vertx..", "dev.drover.orchestrator.runtime..", "dev.drover.orchestrator.dialect..",
                        "dev.drover.orchestrator.fleet..", "dev.drover.orchestrator.store..")
                .check(ORCHESTRATOR);
    }

    @Test
    void scriptsAndScriptCommandsNeitherConnectNorUseVertx() {
        noClasses().that().resideInAnyPackage("dev.drover.orchestrator.script..", "dev.drover.orchestrator.command..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "io.vertx..")
                .check(ORCHESTRATOR);
    }
}
