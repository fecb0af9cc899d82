package dev.outband.app.ider;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.kvm.ider.AtapiResponder;
import dev.outband.kvm.ider.BootMedia;
import dev.outband.kvm.ider.IderListener;
import dev.outband.kvm.ider.IderSession;
import dev.outband.kvm.ider.IderSettings;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.power.IderBoot;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A local image mounted as a device's IDE-R boot media: IDE-R turned on where it was off, the session open and its
 * drives enabled, and on request the one-shot boot from it (power on, or reset when running). Used by the console's
 * Boot media window and {@code outband ider}.
 */
public final class BootMediaSession implements AutoCloseable {
    /** AMT_PowerManagementService: CIM power state 2 is on. */
    private static final int POWERED_ON = 2;

    private final Device device;
    private final AmtClient amt;
    private final BootMedia media;
    private final IderSession session;

    private BootMediaSession(Device device, AmtClient amt, BootMedia media, IderSession session) {
        this.device = device;
        this.amt = amt;
        this.media = media;
        this.session = session;
    }

    /** Opens {@code image} (an .iso as the CD, anything else as the floppy/USB drive) and attaches it. */
    public static BootMediaSession attach(DeviceConnections connections, Device device, Path image,
            IderListener listener) throws IOException {
        BootMedia media = BootMedia.open(BootMedia.kindOf(image), image);
        try {
            AmtClient amt = connections.client(device);
            RedirectionStatus status = amt.redirection().status();
            if (!status.ider()) {
                amt.redirection().enable(true, status.sol(), status.kvm());
            }
            AtapiResponder drives = media.kind() == BootMedia.Kind.CD ? new AtapiResponder(media, null)
                    : new AtapiResponder(null, media);
            IderSession session = connections.ider(device, drives, IderSettings.defaults());
            session.start(listener);
            return new BootMediaSession(device, amt, media, session);
        } catch (IOException | RuntimeException e) {
            media.close();
            throw e;
        }
    }

    /** Boots the device once from the mounted drive: power on when off, reset when on; the action taken. */
    public IderBoot.Action boot() throws IOException {
        boolean on = amt.power().status().cimState() == POWERED_ON;
        IderBoot.Action action = IderBoot.Action.of(
                media.kind() == BootMedia.Kind.CD ? IderBoot.Drive.CD : IderBoot.Drive.FLOPPY, on);
        new IderBoot(amt.wsman()).perform(action, false);
        return action;
    }

    public Device device() {
        return device;
    }

    public BootMedia media() {
        return media;
    }

    public long bytesRead() {
        return session.bytesRead();
    }

    /** Detaches the drives (the device hears the close) and releases the image. */
    @Override
    public void close() throws IOException {
        try {
            session.close();
        } finally {
            media.close();
        }
    }

    /** "RESET_TO_CD" as a technician reads it. */
    public static String describe(IderBoot.Action action) {
        String drive = action.drive() == IderBoot.Drive.CD ? "IDE-R CD" : "IDE-R floppy";
        return (action.cimState() == POWERED_ON ? "power on to " : "reset to ") + drive + " (action " + action.number()
                + ")";
    }
}
