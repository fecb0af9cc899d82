package dev.outband.wsman;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ArchitectureTest {
    private static final JavaClasses WSMAN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.outband.wsman");

    @Test
    void wsmanUsesNoJavaFxAndNoOtherOutbandModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the WS-Man client runs in the CLI, the simulator and behind the console alike")
                .check(WSMAN);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.outband.app..", "dev.outband.kvm..",
                        "dev.outband.cira..", "dev.outband.simulator..")
                .because("wsman sits at the bottom of the module graph and depends on no module of ours")
                .check(WSMAN);
    }
}
