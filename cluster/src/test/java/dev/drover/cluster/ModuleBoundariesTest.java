package dev.drover.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The cluster sits above the engine: it uses the orchestrator's seams and never the CLI or env-strategies. */
class ModuleBoundariesTest {

    @Test
    void clusterDependsOnNeitherTheCliNorTheStrategies() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.drover.cli..", "dev.drover.env..",
                        "picocli..", "io.micronaut..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.drover.cluster"));
    }
}
