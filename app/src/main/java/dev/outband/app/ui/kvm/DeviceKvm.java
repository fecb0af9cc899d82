package dev.outband.app.ui.kvm;

import dev.outband.app.store.Device;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.app.ui.Background;
import dev.outband.kvm.fx.KvmWindow;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.TlsSocketFactory;
import java.io.IOException;
import java.time.Duration;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/** Opens the KVM viewer on a device the console reaches directly: port 16994, or 16995 with TLS. */
public final class DeviceKvm {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Background background;

    public DeviceKvm(Background background) {
        this.background = background;
    }

    public void open(Device device) {
        background.run("Opening the remote screen of " + device.name(), () -> {
            RfbSession session = connect(device);
            session.start();
            return session;
        }, session -> new KvmWindow(session, device.name() + " — Outband KVM", () -> connect(device)).show());
    }

    static RfbSession connect(Device device) throws IOException {
        if (device.reach().kind() != Reach.Kind.DIRECT) {
            throw new IOException("KVM through " + device.reach().kind() + " is not available yet for " + device.name());
        }
        if (device.user() == null || device.password() == null) {
            throw new IOException("No credentials found for " + device.name());
        }
        boolean tls = device.tls() != TlsMode.NONE;
        SocketFactory factory = tls
                ? new TlsSocketFactory(SocketFactory.getDefault(), (SSLSocketFactory) SSLSocketFactory.getDefault())
                : SocketFactory.getDefault();
        return AmtKvmConnector.open(factory, device.host(), tls ? AmtKvmConnector.TLS_PORT : AmtKvmConnector.PORT,
                new AmtCredentials(device.user(), device.password().reveal().toCharArray()), AmtColourMode.AUTO,
                false, CONNECT_TIMEOUT);
    }
}
