package dev.outband.simulator.wsman;

import dev.outband.simulator.device.BootOptions;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.Reference;
import java.util.List;

/** Power state, capabilities, power actions and one-shot boot configuration. */
final class PowerResources {
    private static final Reference MANAGED_SYSTEM = Reference.of("CIM_ComputerSystem", "CreationClassName",
            "CIM_ComputerSystem", "Name", "ManagedSystem");
    private static final Reference POWER_SERVICE = Reference.of("CIM_PowerManagementService", "CreationClassName",
            "CIM_PowerManagementService", "Name", "Intel(r) AMT Power Management Service",
            "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");

    private PowerResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("CIM_ServiceAvailableToElement", d -> List.of(
                        Instance.of("CIM_AssociatedPowerManagementService")
                                .with("AvailableRequestedPowerStates", List.of("2"))
                                .with("PowerState", d.powerState().cim())
                                .with("ServiceProvided", POWER_SERVICE)
                                .with("UserOfService", MANAGED_SYSTEM))).build(),
                ResourceClass.of("IPS_PowerManagementService", d -> d.config().amtMajor() < 10 ? null : List.of(
                        Instance.of("IPS_PowerManagementService")
                                .with("CreationClassName", "IPS_PowerManagementService")
                                .with("ElementName", "Intel(r) AMT Power Management Service")
                                .with("EnabledState", 5)
                                .with("Name", "Intel(r) AMT Power Management Service")
                                .with("RequestedState", 12)
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")
                                .with("OSPowerSavingState", d.osPowerSavingState())))
                        .method("RequestOSPowerSavingStateChange", (d, in) -> Instance.output(
                                "IPS_PowerManagementService", "RequestOSPowerSavingStateChange",
                                d.requestOsPowerSaving((int) in.getLong("OSPowerSavingState", -1))))
                        .build(),
                ResourceClass.of("CIM_PowerManagementCapabilities", d -> List.of(
                        Instance.of("CIM_PowerManagementCapabilities")
                                .with("ElementName", "Power Management Capabilities")
                                .with("InstanceID", "Intel(r) AMT:PowerManagementCapabilities")
                                .with("PowerChangeCapabilities", List.of("3", "4", "8"))
                                .with("PowerStatesSupported", d.config().amtMajor() < 10
                                        ? List.of("2", "5", "8", "10")
                                        : List.of("2", "4", "5", "7", "8", "10", "12", "14")))).build(),
                ResourceClass.of("AMT_BootCapabilities", d -> List.of(
                        Instance.of("AMT_BootCapabilities")
                                .with("BIOSPause", false).with("BIOSSetup", true)
                                .with("ElementName", "Intel(r) AMT: Boot Capabilities")
                                .with("ForceCDorDVDBoot", true).with("ForceDiagnosticBoot", true)
                                .with("ForceHardDriveBoot", true).with("ForcePXEBoot", true)
                                .with("IDER", true).with("InstanceID", "Intel(r) AMT:BootCapabilities 0")
                                .with("SOL", true))).build(),
                ResourceClass.of("AMT_BootSettingData", d -> List.of(bootSettings(d.bootOptions())))
                        .put((d, body) -> {
                            BootOptions old = d.bootOptions();
                            d.setBootOptions(new BootOptions(body.getBoolean("BIOSSetup"), body.getBoolean("UseIDER"),
                                    body.getBoolean("UseSOL"), old.source(), old.roleSet()));
                            return bootSettings(d.bootOptions());
                        }).build(),
                ResourceClass.of("CIM_BootConfigSetting", d -> List.of(Instance.of("CIM_BootConfigSetting")
                                .with("ElementName", "Intel(r) AMT: Boot Configuration")
                                .with("InstanceID", "Intel(r) AMT: Boot Configuration 0")))
                        .method("ChangeBootOrder", (d, in) -> {
                            String source = in.find("Source").map(PowerResources::bootSource).orElse(null);
                            BootOptions old = d.bootOptions();
                            d.setBootOptions(new BootOptions(old.biosSetup(), old.useIder(), old.useSol(), source,
                                    old.roleSet()));
                            return Instance.output("CIM_BootConfigSetting", "ChangeBootOrder", 0);
                        }).build(),
                ResourceClass.of("CIM_BootService", d -> List.of(Instance.of("CIM_BootService")
                                .with("CreationClassName", "CIM_BootService")
                                .with("Name", "Intel(r) AMT Boot Service")))
                        .method("SetBootConfigRole", (d, in) -> {
                            BootOptions old = d.bootOptions();
                            d.setBootOptions(new BootOptions(old.biosSetup(), old.useIder(), old.useSol(),
                                    old.source(), in.getLong("Role", 0) == 1));
                            return Instance.output("CIM_BootService", "SetBootConfigRole", 0);
                        }).build(),
                ResourceClass.of("CIM_PowerManagementService", d -> List.of(Instance.of("CIM_PowerManagementService")
                                .with("CreationClassName", "CIM_PowerManagementService")
                                .with("ElementName", "Intel(r) AMT Power Management Service")
                                .with("EnabledState", 5)
                                .with("Name", "Intel(r) AMT Power Management Service")))
                        .method("RequestPowerStateChange", (d, in) -> {
                            long state = in.getLong("PowerState", -1);
                            long rv = d.requestPowerState((int) state);
                            return Instance.output("CIM_PowerManagementService", "RequestPowerStateChange", rv);
                        }).build());
    }

    /** The EPR's text content ends with the InstanceID selector value; that names the source. */
    private static String bootSource(String eprText) {
        for (String known : List.of(BootOptions.PXE, BootOptions.DIAGNOSTIC)) {
            if (eprText.contains(known)) {
                return known;
            }
        }
        return eprText.isEmpty() ? null : "other";
    }

    private static Instance bootSettings(BootOptions b) {
        return Instance.of("AMT_BootSettingData")
                .with("BIOSLastStatus", List.of("2", "0"))
                .with("BIOSPause", false).with("BIOSSetup", b.biosSetup())
                .with("BootMediaIndex", 0).with("ConfigurationDataReset", false)
                .with("ElementName", "Intel(r) AMT Boot Configuration Settings")
                .with("EnforceSecureBoot", false).with("FirmwareVerbosity", 0).with("ForcedProgressEvents", false)
                .with("IDERBootDevice", 0).with("InstanceID", "Intel(r) AMT:BootSettingData 0")
                .with("LockKeyboard", false).with("LockPowerButton", false).with("LockResetButton", false)
                .with("LockSleepButton", false).with("OwningEntity", "Intel(r) AMT")
                .with("ReflashBIOS", false).with("UseIDER", b.useIder()).with("UseSOL", b.useSol())
                .with("UseSafeMode", false).with("UserPasswordBypass", false);
    }
}
