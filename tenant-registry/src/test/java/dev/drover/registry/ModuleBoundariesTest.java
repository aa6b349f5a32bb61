package dev.drover.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/design.md, Modules: the registry reads drover.ini and knows nothing of the engine, the strategies or the CLI. */
class ModuleBoundariesTest {

    @Test
    void registryStandsAlone() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.drover.orchestrator..", "dev.drover.env..", "dev.drover.cli..",
                        "io.vertx..", "picocli..", "io.micronaut..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.drover.registry"));
    }
}
