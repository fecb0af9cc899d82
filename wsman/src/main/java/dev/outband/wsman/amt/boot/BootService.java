package dev.outband.wsman.amt.boot;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The next boot: AMT_BootSettingData's one-time flags, CIM_BootConfigSetting.ChangeBootOrder for a forced
 * source and CIM_BootService.SetBootConfigRole to make that configuration the one the next boot uses.
 */
public final class BootService {
    static final Reference SETTING_DATA = Reference.of("AMT_BootSettingData", "InstanceID",
            "Intel(r) AMT:BootSettingData 0");
    static final Reference CONFIG = Reference.of("CIM_BootConfigSetting", "InstanceID",
            "Intel(r) AMT: Boot Configuration 0");
    static final Reference SERVICE = Reference.of("CIM_BootService", "CreationClassName", "CIM_BootService", "Name",
            "Intel(r) AMT Boot Service", "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    /** Role 1: the configuration is the one the next boot uses (DSP1012 IsNext). */
    private static final int IS_NEXT = 1;

    private final WsmanClient wsman;

    public BootService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public BootOptions read() throws WsmanException {
        List<String> sources = wsman.enumerate("CIM_BootSourceSetting").stream()
                .map(o -> o.get("InstanceID")).filter(id -> !id.isEmpty()).toList();
        return new BootOptions(BootCapabilities.from(wsman.get("AMT_BootCapabilities")),
                BootSettings.from(wsman.get(SETTING_DATA)), sources);
    }

    /** Sets the next boot; a target the device does not offer is refused before anything changes. */
    public void setNextBoot(NextBoot next) throws WsmanException {
        BootCapabilities capabilities = BootCapabilities.from(wsman.get("AMT_BootCapabilities"));
        if (!capabilities.allows(next.target())) {
            throw new IllegalArgumentException("This device cannot boot to " + next.target().label());
        }
        if (next.useSol() && !capabilities.sol()) {
            throw new IllegalArgumentException("This device cannot send its boot to Serial-over-LAN");
        }
        BootTarget target = next.target();
        Map<String, Object> flags = cleared();
        flags.put("BIOSSetup", target == BootTarget.BIOS_SETUP);
        flags.put("UseIDER", target.usesIder());
        flags.put("IDERBootDevice", target == BootTarget.IDER_CD ? 1 : 0);
        flags.put("UseSOL", next.useSol());
        flags.put("LockKeyboard", next.lockKeyboard());
        wsman.put(SETTING_DATA, wsman.get(SETTING_DATA).withChanges(flags));
        changeBootOrder(target);
        if (target != BootTarget.NORMAL || next.useSol() || next.lockKeyboard()) {
            wsman.invoke(SERVICE, "SetBootConfigRole",
                    List.of(Argument.epr("BootConfigSetting", CONFIG), Argument.of("Role", IS_NEXT)));
        }
    }

    /** Clears every one-time flag and forced source, so a plain reset boots as the BIOS says. */
    public void clear() throws WsmanException {
        CimObject current = wsman.get(SETTING_DATA);
        if (BootSettings.from(current).anySet()) {
            wsman.put(SETTING_DATA, current.withChanges(cleared()));
        }
        changeBootOrder(BootTarget.NORMAL);
    }

    /** An empty Source clears the forced boot order. */
    private void changeBootOrder(BootTarget target) throws WsmanException {
        List<Argument> source = target.sourceId()
                .map(id -> List.<Argument>of(Argument.epr("Source", Reference.of("CIM_BootSourceSetting", "InstanceID", id))))
                .orElse(List.of());
        wsman.invoke(CONFIG, "ChangeBootOrder", source);
    }

    private static Map<String, Object> cleared() {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (String flag : List.of("BIOSPause", "BIOSSetup", "UseIDER", "UseSOL", "UseSafeMode", "ReflashBIOS",
                "LockKeyboard", "LockPowerButton", "LockResetButton", "LockSleepButton")) {
            flags.put(flag, false);
        }
        return flags;
    }
}
