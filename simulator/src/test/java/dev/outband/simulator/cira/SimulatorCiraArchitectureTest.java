package dev.outband.simulator.cira;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.outband.simulator.cira", importOptions = ImportOption.DoNotIncludeTests.class)
class SimulatorCiraArchitectureTest {
    @ArchTest
    static final ArchRule simulatedCiraNeverUsesJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..")
            .because("the virtual device and its swarm run headless, in CI and in the benchmark's own JVM");
}
