package dev.outband.kvm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.outband.kvm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheFxPackageUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage("dev.outband.kvm.fx..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the protocol, decoders, screenshots and the simulator must run without a display or JavaFX");

    @ArchTest
    static final ArchRule kvmViewerDependsOnNoOtherOutbandModule = noClasses()
            .that().resideInAPackage("dev.outband.kvm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.outband.wsman..", "dev.outband.cira..",
                    "dev.outband.app..", "dev.outband.simulator..")
            .because("kvm-viewer sits at the bottom of the module graph (design.md)");
}
