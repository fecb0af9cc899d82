package dev.outband.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.cira.LabListener;
import dev.outband.app.store.DeviceStore;
import dev.outband.cira.listener.ServerIdentity;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.LoggerFactory;

/**
 * The lab listener's opt-in MPS-compatible API: DMT's REST subset and KVM relay over the listener's CIRA
 * tunnels, so a colleague's Outband or DMT's web UI can use this laptop as its MPS. Started after the listener,
 * stopped before it; requests run on virtual threads, each within the settings' limits.
 */
public final class ListenerApi implements AutoCloseable {
    public static final String SERVICE_VERSION = "outband-0.1.0";

    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService calls;
    private final boolean tls;

    private ListenerApi(Server server, ServerConnector connector, ExecutorService calls, boolean tls) {
        this.server = server;
        this.connector = connector;
        this.calls = calls;
        this.tls = tls;
    }

    /**
     * Starts serving. {@code password} is the API user's; empty means the one sealed last time. With TLS the
     * running listener's certificate serves it.
     */
    public static ListenerApi start(ApiSettings settings, char[] password, LabListener listener, DeviceStore store,
                                    DeviceConnections connections) throws IOException {
        if (!listener.running()) {
            throw new IOException("Start the lab listener first: the API serves its devices");
        }
        ApiAccount account = ApiAccount.of(store.secrets(), settings.user(), password);
        ObjectMapper json = new ObjectMapper();
        ApiTokens tokens = new ApiTokens(Clock.systemUTC());
        DeviceDirectory directory = new DeviceDirectory(store.devices(), listener);
        ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
        AmtRoutes amt = new AmtRoutes(directory, connections, settings.requestDeadline(), json, calls);

        Server server = new Server(new VirtualThreadPool(settings.maxConcurrentRequests()));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = settings.tls()
                ? new ServerConnector(server, sslContextFactory(listener), new HttpConnectionFactory(http))
                : new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.bindAddress().getHostAddress());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.requestDeadline().multipliedBy(2).toMillis());
        server.addConnector(connector);

        RelayGate gate = new RelayGate(settings, tokens, directory, listener, json);
        WebSocketUpgradeHandler websockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(settings.relayIdleTimeout());
            container.setMaxTextMessageSize(settings.relayMaxMessageBytes());
            container.setMaxBinaryMessageSize(settings.relayMaxMessageBytes());
            container.setMaxFrameSize(settings.relayMaxMessageBytes());
            container.addMapping(RelayGate.PATH, gate);
        });
        websockets.setHandler(new ApiHandler(settings, account, tokens, directory, amt, json,
                new LoginThrottle(settings.loginAttemptsPerMinute(), Clock.systemUTC())));
        server.setHandler(websockets);
        try {
            server.start();
        } catch (Exception e) {
            calls.shutdownNow();
            stopQuietly(server);
            if (e instanceof IOException && e.getCause() instanceof BindException
                    || e instanceof BindException) {
                throw new IOException("Port " + settings.port() + " on " + settings.bindAddress().getHostAddress()
                        + " is in use by another program: choose another port for the API", e);
            }
            throw new IOException("The API could not start: " + e.getMessage(), e);
        }
        return new ListenerApi(server, connector, calls, settings.tls());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Where clients reach it, e.g. {@code https://192.168.1.20:3000}. */
    public String url() {
        String host = connector.getHost();
        try {
            if (InetAddress.getByName(host) instanceof Inet6Address) {
                host = "[" + host + "]";
            }
        } catch (IOException literal) {
            // getHost is the literal address set at start; nothing to resolve.
        }
        return (tls ? "https://" : "http://") + host + ":" + port();
    }

    @Override
    public void close() {
        stopQuietly(server);
        calls.shutdownNow();
    }

    private static SslContextFactory.Server sslContextFactory(LabListener listener) throws IOException {
        ServerIdentity identity = listener.identity()
                .orElseThrow(() -> new IOException("The lab listener is not running: its certificate serves the API"));
        SslContextFactory.Server factory = new SslContextFactory.Server();
        try {
            factory.setSslContext(identity.sslContext());
        } catch (GeneralSecurityException e) {
            throw new IOException("The listener's certificate cannot serve TLS: " + e.getMessage(), e);
        }
        return factory;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LoggerFactory.getLogger(ListenerApi.class).warn("The API did not stop cleanly: {}", e.getMessage());
        }
    }
}
