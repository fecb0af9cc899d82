package dev.outband.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.outband.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule logicDoesNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("dev.outband.app.store..", "dev.outband.app.transfer..", "dev.outband.app.cli..",
                    "dev.outband.app.cira..", "dev.outband.app.remote..", "dev.outband.app.activation..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..", "org.controlsfx..")
            .because("the store, import/export, CLI, lab listener service, remote sources and the activation server must run"
                    + " and be tested headless");

    @ArchTest
    static final ArchRule storeDoesNotKnowItsCallers = noClasses()
            .that().resideInAPackage("dev.outband.app.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.outband.app.ui..", "dev.outband.app.cli..", "dev.outband.app.transfer..")
            .because("dependencies point down: UI, CLI and transfer use the store, never the reverse");
}
