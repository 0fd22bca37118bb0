package org.simsiamexplorer;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Layers point one way: app -> service -> model/analysis/data; toolkits stay in their layer. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.simsiamexplorer");
    }

    @Test
    void onlyTheAppLayerImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.simsiamexplorer.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void analysisAndDataArePlainJavaWithoutDjl() {
        noClasses().that().resideInAnyPackage("org.simsiamexplorer.analysis..", "org.simsiamexplorer.data..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void theAppTalksToDjlOnlyThroughTheService() {
        noClasses().that().resideInAnyPackage("org.simsiamexplorer.app..", "org.simsiamexplorer.cli..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void theAppAndCliReachTheExplainersOnlyThroughTheService() {
        noClasses().that().resideInAnyPackage("org.simsiamexplorer.app..", "org.simsiamexplorer.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.simsiamexplorer.explain..")
                .check(classes);
    }

    @Test
    void lowerLayersNeverReachUpToServiceAppOrCli() {
        noClasses().that().resideInAnyPackage("org.simsiamexplorer.model..", "org.simsiamexplorer.analysis..",
                        "org.simsiamexplorer.data..", "org.simsiamexplorer.explain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.simsiamexplorer.service..",
                        "org.simsiamexplorer.app..", "org.simsiamexplorer.cli..")
                .check(classes);
    }

    @Test
    void serviceNeverReachesUpToAppOrCli() {
        noClasses().that().resideInAPackage("org.simsiamexplorer.service..")
                .should().dependOnClassesThat().resideInAnyPackage("org.simsiamexplorer.app..",
                        "org.simsiamexplorer.cli..")
                .check(classes);
    }
}
