package dev.outband.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.cira.LabListener;
import dev.outband.app.store.Device;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import javax.net.SocketFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Admits {@code /relay/webrelay.ashx} upgrades as MPS does (src/server/webserver.ts verifyClientToken): the
 * redirection token arrives as the websocket subprotocol, must be ours, unexpired and for the {@code host} asked
 * for, and is echoed back as the accepted subprotocol. One KVM and one Serial-over-LAN session per device; a bounded number in all.
 */
final class RelayGate implements WebSocketCreator {
    static final String PATH = "/relay/webrelay.ashx";
    private static final Set<Integer> REDIRECTION_PORTS = Set.of(16994, 16995);

    private final ApiSettings settings;
    private final ApiTokens tokens;
    private final DeviceDirectory directory;
    private final LabListener listener;
    private final ObjectMapper json;
    private final Set<String> sessionsOpen = ConcurrentHashMap.newKeySet();
    private final Semaphore relays;

    RelayGate(ApiSettings settings, ApiTokens tokens, DeviceDirectory directory, LabListener listener,
              ObjectMapper json) {
        this.settings = settings;
        this.tokens = tokens;
        this.directory = directory;
        this.listener = listener;
        this.json = json;
        this.relays = new Semaphore(settings.maxConcurrentRelays());
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        try {
            return admit(request, response);
        } catch (ApiError refused) {
            refuse(response, callback, refused);
            return null;
        }
    }

    private KvmRelay admit(ServerUpgradeRequest request, ServerUpgradeResponse response) throws ApiError {
        Fields query = Request.extractQueryParameters(request);
        String host = query.getValue("host");
        List<String> protocols = request.getSubProtocols();
        String token = protocols.isEmpty() ? null : protocols.getFirst();
        if (host == null || tokens.verify(token).filter(id -> DeviceDirectory.normal(id)
                .equals(DeviceDirectory.normal(host))).isEmpty()) {
            throw ApiError.unauthorized("A redirection token for this device is needed as Sec-WebSocket-Protocol:"
                    + " get one from /api/v1/authorize/redirection/" + (host == null ? ":guid" : host));
        }
        String guid = DeviceDirectory.normal(host);
        String mode = query.getValue("mode");
        if (!"kvm".equals(mode) && !"sol".equals(mode)) {
            throw ApiError.badRequest("this relay carries KVM and Serial-over-LAN (mode=kvm or mode=sol), not " + mode);
        }
        int port = number(query.getValue("port"));
        if (!REDIRECTION_PORTS.contains(port)) {
            throw ApiError.badRequest("port must be 16994 or 16995, not " + query.getValue("port"));
        }
        if (!"0".equals(Optional.ofNullable(query.getValue("tls")).orElse("0"))) {
            throw ApiError.badRequest("tls=1 is not relayed: the tunnel carries the redirection port as it is (tls=0)");
        }
        Optional<SocketFactory> tunnel = listener.to(guid);
        if (tunnel.isEmpty()) {
            throw ApiError.notConnected(guid);
        }
        RelayInterceptor interceptor = "2".equals(query.getValue("p")) ? interceptor(guid) : null;
        // One session of each kind per device, as AMT allows.
        String slot = mode + ":" + guid;
        if (!sessionsOpen.add(slot)) {
            throw ApiError.of(409, "Conflict", "a " + ("kvm".equals(mode) ? "KVM" : "Serial-over-LAN") + " session to "
                    + guid + " is already open through this relay");
        }
        if (!relays.tryAcquire()) {
            sessionsOpen.remove(slot);
            throw ApiError.of(503, "Service Unavailable", settings.maxConcurrentRelays()
                    + " KVM relays are open, the most this listener allows: close one first");
        }
        Runnable release = () -> {
            sessionsOpen.remove(slot);
            relays.release();
        };
        try {
            Socket device = tunnel.get().createSocket();
            device.connect(InetSocketAddress.createUnresolved(guid, port),
                    (int) settings.relayConnectTimeout().toMillis());
            response.setAcceptedSubProtocol(token);
            return new KvmRelay(guid, device, interceptor, settings.relayTextFrames(), settings.requestDeadline(),
                    release);
        } catch (IOException e) {
            release.run();
            throw ApiError.of(502, "Bad Gateway", "device " + guid + " did not open port " + port + ": "
                    + e.getMessage());
        }
    }

    private RelayInterceptor interceptor(String guid) throws ApiError {
        Device device = directory.stored(guid).orElseThrow(() -> ApiError.deviceFailed("device " + guid
                + " is not in the store yet: the relay has no AMT credentials to answer its digest with"));
        if (device.user() == null || device.password() == null) {
            throw ApiError.deviceFailed(device.name() + " (" + guid + ") has no AMT credentials in this console:"
                    + " the relay cannot answer its digest (p=2)");
        }
        return new RelayInterceptor(device.user(), device.password().reveal().toCharArray());
    }

    private void refuse(ServerUpgradeResponse response, Callback callback, ApiError refused) {
        try {
            response.setStatus(refused.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiHandler.JSON_TYPE);
            response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(refused.body())), callback);
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    private static int number(String value) throws ApiError {
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("port must be a number, not " + value);
        }
    }
}
