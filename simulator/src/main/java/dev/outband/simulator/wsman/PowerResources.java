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

    /** DSP1012's ChangeBootOrder/SetBootConfigRole values, as go-wsman-messages' cim/boot decoder names them. */
    private static final long INVALID_REFERENCE = 4;
    private static final long INVALID_PARAMETER = 5;

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
                            long iderDevice = body.getLong("IDERBootDevice", 0);
                            if (iderDevice != 0 && iderDevice != 1) {
                                throw SoapFault.invalidRepresentation("IDERBootDevice " + iderDevice + " is neither 0 nor 1");
                            }
                            if (body.getBoolean("BIOSSetup") && body.getBoolean("UseIDER")) {
                                throw SoapFault.invalidRepresentation("BIOSSetup and UseIDER cannot both be set");
                            }
                            BootOptions old = d.bootOptions();
                            d.setBootOptions(new BootOptions(body.getBoolean("BIOSSetup"), body.getBoolean("UseIDER"),
                                    body.getBoolean("UseSOL"), old.source(), old.roleSet(), (int) iderDevice,
                                    body.getBoolean("LockKeyboard")));
                            return bootSettings(d.bootOptions());
                        }).build(),
                ResourceClass.of("CIM_BootConfigSetting", d -> List.of(Instance.of("CIM_BootConfigSetting")
                                .with("ElementName", "Intel(r) AMT: Boot Configuration")
                                .with("InstanceID", "Intel(r) AMT: Boot Configuration 0")))
                        .method("ChangeBootOrder", (d, in) -> {
                            String epr = in.find("Source").orElse("");
                            String source = BootOptions.SOURCES.stream().filter(epr::contains).findFirst().orElse(null);
                            if (source == null && !epr.isBlank()) {
                                return Instance.output("CIM_BootConfigSetting", "ChangeBootOrder", INVALID_REFERENCE);
                            }
                            d.setBootOptions(d.bootOptions().withSource(source));
                            return Instance.output("CIM_BootConfigSetting", "ChangeBootOrder", 0);
                        }).build(),
                ResourceClass.of("CIM_BootService", d -> List.of(Instance.of("CIM_BootService")
                                .with("CreationClassName", "CIM_BootService")
                                .with("Name", "Intel(r) AMT Boot Service")))
                        .method("SetBootConfigRole", (d, in) -> {
                            long role = in.getLong("Role", -1);
                            if (role != 1 && role != 32768) {
                                return Instance.output("CIM_BootService", "SetBootConfigRole", INVALID_PARAMETER);
                            }
                            d.setBootOptions(d.bootOptions().withRoleSet(role == 1));
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

    private static Instance bootSettings(BootOptions b) {
        return Instance.of("AMT_BootSettingData")
                .with("BIOSLastStatus", List.of("2", "0"))
                .with("BIOSPause", false).with("BIOSSetup", b.biosSetup())
                .with("BootMediaIndex", 0).with("ConfigurationDataReset", false)
                .with("ElementName", "Intel(r) AMT Boot Configuration Settings")
                .with("EnforceSecureBoot", false).with("FirmwareVerbosity", 0).with("ForcedProgressEvents", false)
                .with("IDERBootDevice", b.iderBootDevice()).with("InstanceID", "Intel(r) AMT:BootSettingData 0")
                .with("LockKeyboard", b.lockKeyboard()).with("LockPowerButton", false).with("LockResetButton", false)
                .with("LockSleepButton", false).with("OwningEntity", "Intel(r) AMT")
                .with("ReflashBIOS", false).with("UseIDER", b.useIder()).with("UseSOL", b.useSol())
                .with("UseSafeMode", false).with("UserPasswordBypass", false);
    }
}
