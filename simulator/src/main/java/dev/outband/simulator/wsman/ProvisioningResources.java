package dev.outband.simulator.wsman;

import dev.outband.simulator.device.Provisioning;
import dev.outband.simulator.device.SetupReturn;
import java.util.List;

/**
 * Host-based setup (IPS_HostBasedSetupService), the setup-and-configuration service and the admin account
 * (AMT_AuthorizationService): what a provisioning server reads and calls to activate, re-password or unprovision
 * the device. Property order as in go-wsman-messages'
 * recorded replies (ips/hostbasedsetup/get.xml, amt/setupandconfiguration/get.xml, amt/authorization/get.xml).
 */
final class ProvisioningResources {
    private static final String HOST_BASED_SETUP = "IPS_HostBasedSetupService";
    private static final String SETUP_AND_CONFIGURATION = "AMT_SetupAndConfigurationService";
    private static final String AUTHORIZATION = "AMT_AuthorizationService";

    private ProvisioningResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of(HOST_BASED_SETUP, d -> {
                    Provisioning p = d.provisioning();
                    return List.of(Instance.of(HOST_BASED_SETUP)
                            .with("AllowedControlModes", List.of("2", "1"))
                            .with("CertChainStatus", p.certChainStatus())
                            .with("ConfigurationNonce", p.configurationNonce())
                            .with("CreationClassName", HOST_BASED_SETUP)
                            .with("CurrentControlMode", p.controlMode())
                            .with("ElementName", "Intel(r) AMT Host Based Setup Service")
                            .with("Name", "Intel(r) AMT Host Based Setup Service")
                            .with("SystemCreationClassName", "CIM_ComputerSystem")
                            .with("SystemName", "Intel(r) AMT"));
                })
                        .method("Setup", (d, in) -> Instance.output(HOST_BASED_SETUP, "Setup",
                                d.provisioning().setup(in.getLong("NetAdminPassEncryptionType", -1),
                                        in.find("NetworkAdminPassword").orElse(null))))
                        .method("AddNextCertInChain", (d, in) -> Instance.output(HOST_BASED_SETUP,
                                "AddNextCertInChain", d.provisioning().addNextCertInChain(
                                        in.find("NextCertificate").orElse(null),
                                        in.getBoolean("IsLeafCertificate"), in.getBoolean("IsRootCertificate"))))
                        .method("AdminSetup", (d, in) -> Instance.output(HOST_BASED_SETUP, "AdminSetup",
                                d.provisioning().adminSetup(in.getLong("NetAdminPassEncryptionType", -1),
                                        in.find("NetworkAdminPassword").orElse(null), in.find("McNonce").orElse(null),
                                        in.getLong("SigningAlgorithm", -1), in.find("DigitalSignature").orElse(null))))
                        .build(),
                ResourceClass.of(SETUP_AND_CONFIGURATION, d -> List.of(
                        Instance.of(SETUP_AND_CONFIGURATION)
                                .with("CreationClassName", SETUP_AND_CONFIGURATION)
                                .with("ElementName", "Intel(r) AMT Setup and Configuration Service")
                                .with("EnabledState", 5)
                                .with("Name", "Intel(r) AMT Setup and Configuration Service")
                                .with("PasswordModel", 1)
                                .with("ProvisioningMode", d.provisioning().provisioningMode())
                                .with("ProvisioningServerOTP", "")
                                .with("ProvisioningState", d.provisioning().provisioningState())
                                .with("RequestedState", 12)
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")
                                .with("ZeroTouchConfigurationEnabled", true)))
                        .method("CommitChanges", (d, in) -> Instance.output(SETUP_AND_CONFIGURATION,
                                "CommitChanges", d.tls().commit()))
                        .method("Unprovision", (d, in) -> Instance.output(SETUP_AND_CONFIGURATION, "Unprovision",
                                d.unprovision(in.getLong("ProvisioningMode", -1))))
                        .method("SetMEBxPassword", (d, in) -> Instance.output(SETUP_AND_CONFIGURATION,
                                "SetMEBxPassword", d.provisioning().controlMode() != Provisioning.ADMIN
                                        ? SetupReturn.NOT_PERMITTED
                                        : in.find("Password").filter(s -> !s.isEmpty()).isEmpty()
                                                ? SetupReturn.INVALID_PARAMETER : SetupReturn.SUCCESS))
                        .build(),
                ResourceClass.of(AUTHORIZATION, d -> List.of(Instance.of(AUTHORIZATION)
                                .with("AllowHttpQopAuthOnly", 1)
                                .with("CreationClassName", AUTHORIZATION)
                                .with("ElementName", "Intel(r) AMT Authorization Service")
                                .with("EnabledState", 5)
                                .with("Name", "Intel(r) AMT Authorization Service")
                                .with("RequestedState", 12)
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")))
                        .method("SetAdminAclEntryEx", (d, in) -> Instance.output(AUTHORIZATION, "SetAdminAclEntryEx",
                                d.provisioning().setAdminAccount(in.find("Username").orElse(null),
                                        in.find("DigestPassword").orElse(null))))
                        .build());
    }
}
