package dev.drover.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/design.md, Modules: Vert.x types stay inside the engine; the CLI talks to its facade. */
class ModuleBoundariesTest {

    @Test
    void cliDoesNotTouchVertx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.vertx..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.drover.cli"));
    }
}
