package dev.outband.app.ui.trust;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.ui.Background;
import dev.outband.wsman.WsmanException.CertificateRejected;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Trust on first use, and only after the technician has seen the fingerprint: when a device's TLS
 * certificate is refused, its subject and SHA-256 are shown; accepting pins exactly that certificate to
 * the device and runs the work again.
 */
public final class CertificateTrust {
    /** Work on one device that may meet its certificate. */
    @FunctionalInterface
    public interface DeviceWork<T> {
        T call(Device device) throws Exception;
    }

    private final Background background;
    private final Supplier<DeviceRepository> repository;
    private final Supplier<Window> owner;
    private final Runnable pinned;

    /** {@code pinned} runs after a device's pin is saved (the device list reloads). */
    public CertificateTrust(Background background, Supplier<DeviceRepository> repository, Supplier<Window> owner,
                            Runnable pinned) {
        this.background = background;
        this.repository = repository;
        this.owner = owner;
        this.pinned = pinned;
    }

    public <T> void run(String what, Device device, DeviceWork<T> work, Consumer<T> onSuccess) {
        background.run(what, () -> work.call(device), onSuccess, failure -> {
            Optional<CertificateRejected> rejected = rejection(failure);
            if (rejected.isEmpty() || device.id() == null) {
                return false;
            }
            offer(device, rejected.get(), pinnedDevice -> run(what, pinnedDevice, work, onSuccess));
            return true;
        });
    }

    /** Shows the refused certificate; when the technician trusts it, pins it and hands on the device as saved. */
    public void offer(Device device, CertificateRejected rejected, Consumer<Device> afterPin) {
        if (device.id() == null || !CertificatePrompt.accepts(owner.get(), device, rejected)) {
            return;
        }
        background.run("Pinning the certificate of " + device.name(),
                () -> repository.get().pinCertificate(device.id(), rejected.sha256()), saved -> {
                    pinned.run();
                    afterPin.accept(saved);
                });
    }

    /** The refused certificate behind a failure, when TLS trust is what failed. */
    public static Optional<CertificateRejected> rejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejected r && r.sha256() != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
