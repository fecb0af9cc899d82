package dev.outband.wsman.amt.power;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.boot.BootService;
import dev.outband.wsman.amt.boot.BootTarget;
import dev.outband.wsman.amt.boot.NextBoot;

/**
 * Boots a device from its IDE-R drives once (MeshCommander's power actions 200–203): with an IDE-R session open,
 * the next boot is set to the IDE-R drive (UseIDER and IDERBootDevice), then the device resets or powers on.
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
        BootTarget target = action.drive() == Drive.CD ? BootTarget.IDER_CD : BootTarget.IDER_FLOPPY;
        new BootService(wsman).setNextBoot(new NextBoot(target, useSol, false));
        PowerService.requestPowerStateChange(wsman, action.cimState());
    }
}
