package dev.outband.wsman.amt.power;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.boot.BootService;
import dev.outband.wsman.amt.boot.BootTarget;
import dev.outband.wsman.amt.boot.NextBoot;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Power state, capabilities and actions, including one-shot boot to BIOS, PXE or diagnostics. */
public final class PowerService {

    private final WsmanClient wsman;

    public PowerService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public PowerStatus status() throws WsmanException {
        List<CimObject> links = wsman.enumerate("CIM_ServiceAvailableToElement");
        int state = links.stream().filter(o -> o.find("PowerState").isPresent())
                .mapToInt(o -> (int) o.getLong("PowerState", 0)).findFirst()
                .orElseThrow(() -> new WsmanException.MalformedReply("no PowerState in CIM_ServiceAvailableToElement", null));
        int osState = 0;
        try {
            osState = (int) wsman.get("IPS_PowerManagementService").getLong("OSPowerSavingState", 0);
        } catch (dev.outband.wsman.SoapFaultException olderThanAmt10) {
            // IPS_PowerManagementService exists from AMT 10 on; older devices simply lack it.
        }
        return new PowerStatus(state, osState);
    }

    /** The actions this device accepts, from CIM_PowerManagementCapabilities and AMT_BootCapabilities. */
    public Set<PowerAction> supportedActions() throws WsmanException {
        CimObject power = wsman.get("CIM_PowerManagementCapabilities");
        CimObject boot = wsman.get("AMT_BootCapabilities");
        Set<Integer> states = power.all("PowerStatesSupported").stream().map(Integer::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        Set<PowerAction> out = EnumSet.noneOf(PowerAction.class);
        for (PowerAction a : PowerAction.values()) {
            boolean base = states.contains(a.cimState());
            boolean target = switch (a.bootTarget()) {
                case NONE -> true;
                case BIOS -> boot.getBoolean("BIOSSetup");
                case PXE -> boot.getBoolean("ForcePXEBoot");
                case DIAGNOSTIC -> boot.getBoolean("ForceDiagnosticBoot");
            };
            if (base && target) {
                out.add(a);
            }
        }
        return out;
    }

    /** Performs any action by its number (2, 8, 10, 100, 401, ...). */
    public void perform(int actionNumber) throws WsmanException {
        perform(PowerAction.byNumber(actionNumber)
                .orElseThrow(() -> new IllegalArgumentException("unknown power action " + actionNumber)));
    }

    public void perform(PowerAction action) throws WsmanException {
        perform(action, false);
    }

    /**
     * {@code serialConsole}: the firmware also redirects its screens to Serial-over-LAN (UseSOL), as MeshCommander
     * asks when the action comes from its terminal; not for power-off, PXE or diagnostics, as there.
     */
    public void perform(PowerAction action, boolean serialConsole) throws WsmanException {
        boolean sol = serialConsole && action.cimState() != 8 && action.bootTarget() != PowerAction.BootTarget.PXE
                && action.bootTarget() != PowerAction.BootTarget.DIAGNOSTIC;
        switch (action.bootTarget()) {
            case NONE -> {
                if (sol) {
                    prepareBoot(BootTarget.NORMAL, true);
                } else {
                    clearBootFlags();
                }
            }
            case BIOS -> prepareBoot(BootTarget.BIOS_SETUP, sol);
            case PXE -> prepareBoot(BootTarget.PXE, false);
            case DIAGNOSTIC -> prepareBoot(BootTarget.DIAGNOSTIC, false);
        }
        requestPowerStateChange(wsman, action.cimState());
    }

    /** CIM_PowerManagementService.RequestPowerStateChange on the managed system, boot settings as they are. */
    static void requestPowerStateChange(WsmanClient wsman, int cimState) throws WsmanException {
        wsman.invoke(Reference.of("CIM_PowerManagementService", "CreationClassName", "CIM_PowerManagementService",
                        "Name", "Intel(r) AMT Power Management Service", "SystemCreationClassName",
                        "CIM_ComputerSystem", "SystemName", "Intel(r) AMT"),
                "RequestPowerStateChange", List.of(
                        Argument.of("PowerState", cimState),
                        Argument.epr("ManagedElement", Reference.of("CIM_ComputerSystem",
                                "CreationClassName", "CIM_ComputerSystem", "Name", "ManagedSystem"))));
    }

    /** A previous boot-to-BIOS/PXE must not leak into a plain reset, so flags are cleared first. */
    private void clearBootFlags() throws WsmanException {
        new BootService(wsman).clear();
    }

    private void prepareBoot(BootTarget target, boolean useSol) throws WsmanException {
        new BootService(wsman).setNextBoot(new NextBoot(target, useSol, false));
    }
}
