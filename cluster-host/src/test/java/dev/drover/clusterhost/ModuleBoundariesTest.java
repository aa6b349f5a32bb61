package dev.drover.clusterhost;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The cluster host joins the API and the cluster; it knows nothing of the command line. */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.drover.clusterhost");

    @Test
    void dependsOnNoCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.drover.cli..", "picocli..",
                "io.micronaut..").check(MAIN);
    }

    @Test
    void onlyTheHostIsPublic() {
        classes().that().arePublic().should().haveSimpleName("ClusterHost").check(MAIN);
    }
}
