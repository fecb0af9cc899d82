package dev.outband.simulator.cira;

import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.simulator.net.ConnectionHandler;
import dev.outband.simulator.net.TlsHandler;
import dev.outband.wsman.amt.DeviceEndpoint;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The ports a virtual device forwards to its MPS. It asks for the set real AMT asks for, in AMT's order
 * (the DMT MPS waits for the last, 5900, before it negotiates keep-alives); it serves WS-Man (16992) and
 * KVM redirection (16994), and with a TLS identity their TLS twins (16993, 16995). Channels to the others
 * are refused as failed connects.
 */
public final class ForwardedPorts {
    /** As the DMT MPS documents AMT's tcpip-forward requests: 16993, 16992, 664, 623, 16995, 16994, 5900. */
    public static final List<Integer> AMT_ORDER = List.of(DeviceEndpoint.TLS_PORT, DeviceEndpoint.HTTP_PORT, 664, 623,
            AmtKvmConnector.TLS_PORT, AmtKvmConnector.PORT, 5900);

    private ForwardedPorts() {
    }

    /** The ports served in-process; {@code tls} null: the plain ports only. */
    public static Map<Integer, ConnectionHandler> of(VirtualDevice device, SSLContext tls) {
        ConnectionHandler wsman = device.wsmanHandler();
        ConnectionHandler kvm = DeviceScreen.redirectionServer(device);
        if (tls == null) {
            return Map.of(DeviceEndpoint.HTTP_PORT, wsman, AmtKvmConnector.PORT, kvm);
        }
        return Map.of(DeviceEndpoint.HTTP_PORT, wsman, AmtKvmConnector.PORT, kvm, DeviceEndpoint.TLS_PORT,
                new TlsHandler(tls, wsman), AmtKvmConnector.TLS_PORT, new TlsHandler(tls, kvm));
    }
}
