package dev.outband.simulator.cira;

import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.simulator.net.ConnectionHandler;
import dev.outband.simulator.net.TlsHandler;
import dev.outband.wsman.amt.DeviceEndpoint;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The ports a virtual device forwards to its MPS, by AMT's own numbers: WS-Man (16992) and KVM
 * redirection (16994), and with a TLS identity their TLS twins (16993, 16995), as AMT with TLS set up does.
 */
public final class ForwardedPorts {
    private ForwardedPorts() {
    }

    /** {@code tls} null: the plain ports only. */
    public static Map<Integer, ConnectionHandler> of(VirtualDevice device, SSLContext tls) {
        ConnectionHandler wsman = device.wsmanHandler();
        ConnectionHandler kvm = DeviceScreen.redirectionServer(device);
        if (tls == null) {
            return Map.of(DeviceEndpoint.HTTP_PORT, wsman, AmtKvmConnector.PORT, kvm);
        }
        return Map.of(DeviceEndpoint.HTTP_PORT, wsman, AmtKvmConnector.PORT, kvm,
                DeviceEndpoint.TLS_PORT, new TlsHandler(tls, wsman), AmtKvmConnector.TLS_PORT, new TlsHandler(tls, kvm));
    }
}
