package dev.drover.env;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/design.md, Modules: strategies join registry and engine, but never reach the CLI, DI or Vert.x. */
class ModuleBoundariesTest {

    @Test
    void strategiesStayBelowTheCli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "dev.drover.cli..", "picocli..", "io.micronaut..", "io.vertx..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.drover.env"));
    }
}
