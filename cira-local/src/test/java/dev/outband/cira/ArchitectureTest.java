package dev.outband.cira;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.outband.cira", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule ciraNeverUsesJavaFx = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..")
            .because("the listener runs headless in the CLI and the console hops to the FX thread itself");

    @ArchTest
    static final ArchRule wireFormatKnowsNothingOfSessions = noClasses().that().resideInAPackage("..cira.apf..")
            .should().dependOnClassesThat().resideInAnyPackage("..cira.listener..", "..cira.channel..", "..cira.ca..")
            .because("the codec is shared by the listener and the simulated device");
}
