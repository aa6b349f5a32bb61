package dev.drover.orchestrator.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReportBoundariesTest {

    @Test
    void reportModelDependsNeitherOnVertxNorOnJdbc() {
        noClasses().that().resideInAPackage("dev.drover.orchestrator.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.drover.orchestrator.report"));
    }
}
