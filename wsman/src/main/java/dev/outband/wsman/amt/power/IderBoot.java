package dev.outband.wsman.amt.power;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Boots a device from its IDE-R drives once (MeshCommander's power actions 200–203): with an IDE-R session open,
 * AMT_BootSettingData gets UseIDER and IDERBootDevice, the boot configuration is made the next one, then the
 * device resets or powers on.
 */
public final class IderBoot {
    /** The IDE-R drive to boot from: IDERBootDevice 0 is the floppy, 1 the CD. */
    public enum Drive { FLOPPY, CD }

    /** MeshCommander's action numbers, the drive, and the CIM power state sent. */
    public enum Action {
        RESET_TO_FLOPPY(200, Drive.FLOPPY, 10),
        ON_TO_FLOPPY(201, Drive.FLOPPY, 2),
        RESET_TO_CD(202, Drive.CD, 10),
        ON_TO_CD(203, Drive.CD, 2);

        private final int number;
        private final Drive drive;
        private final int cimState;

        Action(int number, Drive drive, int cimState) {
            this.number = number;
            this.drive = drive;
            this.cimState = cimState;
        }

        public int number() {
            return number;
        }

        public Drive drive() {
            return drive;
        }

        public int cimState() {
            return cimState;
        }

        /** Power on when the device is off, reset it otherwise. */
        public static Action of(Drive drive, boolean poweredOn) {
            return switch (drive) {
                case FLOPPY -> poweredOn ? RESET_TO_FLOPPY : ON_TO_FLOPPY;
                case CD -> poweredOn ? RESET_TO_CD : ON_TO_CD;
            };
        }
    }

    /** Flags cleared so nothing of an earlier boot request rides along. */
    private static final Set<String> OFF_FLAGS = Set.of("BIOSPause", "BIOSSetup", "UseSafeMode", "ReflashBIOS",
            "LockKeyboard", "LockPowerButton", "LockResetButton", "LockSleepButton", "UserPasswordBypass",
            "ForcedProgressEvents", "EnforceSecureBoot");
    /** Read-only properties some firmware refuses in a Put (MeshCommander removes them). */
    private static final Set<String> READ_ONLY = Set.of("WinREBootEnabled", "UEFILocalPBABootEnabled",
            "UEFIHTTPSBootEnabled", "SecureBootControlEnabled", "BootguardStatus", "OptionsCleared", "BIOSLastStatus",
            "UefiBootParametersArray", "RPEEnabled");

    private final WsmanClient wsman;

    public IderBoot(WsmanClient wsman) {
        this.wsman = wsman;
    }

    /** Whether the device can boot from IDE-R at all (AMT_BootCapabilities.IDER). */
    public boolean supported() throws WsmanException {
        return wsman.get("AMT_BootCapabilities").getBoolean("IDER");
    }

    /** Sets the IDE-R boot and performs the power action; an IDE-R session must be open for the boot to find media. */
    public void perform(Action action, boolean useSol) throws WsmanException {
        // Some AMT versions keep an earlier boot order unless it is cleared first.
        wsman.invoke(PowerService.BOOT_CONFIG, "ChangeBootOrder", List.of());
        CimObject current = wsman.get(PowerService.BOOT_SETTING_DATA);
        wsman.put(Reference.of(PowerService.BOOT_SETTING_DATA), settings(current, action.drive(), useSol));
        PowerService.useBootConfig(wsman);
        wsman.invoke(PowerService.BOOT_CONFIG, "ChangeBootOrder", List.of());
        PowerService.requestPowerStateChange(wsman, action.cimState());
    }

    private static List<Argument> settings(CimObject current, Drive drive, boolean useSol) {
        List<Argument> out = new ArrayList<>();
        current.properties().forEach((name, values) -> {
            if (READ_ONLY.contains(name) || values.isEmpty()) {
                return;
            }
            switch (name) {
                case "UseIDER" -> out.add(Argument.of(name, true));
                case "IDERBootDevice" -> out.add(Argument.of(name, drive == Drive.CD ? 1 : 0));
                case "UseSOL" -> out.add(Argument.of(name, useSol));
                default -> out.add(OFF_FLAGS.contains(name) ? Argument.of(name, false) : new Argument.Values(name, values));
            }
        });
        return out;
    }
}
