package dev.outband.app.activation;

import dev.outband.cira.listener.ServerIdentity;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.LoggerFactory;

/**
 * The activation endpoint: a websocket over TLS (a certificate from the lab CA) that DMT's open-source client,
 * rpc-go, connects to from the device ({@code rpc activate -u wss://…/activate --profile NAME}), as it would to
 * rps. rps serves {@code /activate}, {@code /deactivate} and {@code /maintenance} alike behind its proxy; so does
 * this. The API key travels in the URL ({@code ?key=}), since rpc-go always sends the apiKey "key" in its messages.
 * Each client runs on its own virtual thread within the settings' limits.
 */
public final class ActivationServer implements AutoCloseable {
    private static final String[] PATHS = {"/activate", "/deactivate", "/maintenance"};

    /** What every session shares. */
    record Shared(ActivationSettings settings, ActivationContext context, byte[] apiKey, Semaphore sessions,
                  ScheduledExecutorService timer, ActivationProgress.Listener listener) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService timer;
    private final String fingerprint;

    private ActivationServer(Server server, ServerConnector connector, ScheduledExecutorService timer,
                             String fingerprint) {
        this.server = server;
        this.connector = connector;
        this.timer = timer;
        this.fingerprint = fingerprint;
    }

    /**
     * Starts serving with {@code identity} (the lab CA's certificate for this laptop). {@code apiKey} null admits
     * any client; set it whenever the lab network is shared.
     */
    public static ActivationServer start(ActivationSettings settings, ServerIdentity identity, char[] apiKey,
                                         ActivationContext context, ActivationProgress.Listener listener)
            throws IOException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("activation-timer").factory());
        Shared shared = new Shared(settings, context, apiKey == null || apiKey.length == 0 ? null
                : new String(apiKey).getBytes(StandardCharsets.UTF_8), new Semaphore(settings.maxSessions()),
                timer, listener);
        Server server = new Server(new VirtualThreadPool(settings.maxSessions() + 64));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        try {
            tls.setSslContext(identity.sslContext());
        } catch (GeneralSecurityException e) {
            timer.shutdownNow();
            throw new IOException("The lab certificate cannot serve TLS: " + e.getMessage(), e);
        }
        ServerConnector connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
        connector.setHost(settings.bindAddress().getHostAddress());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.replyTimeout().multipliedBy(2).toMillis());
        server.addConnector(connector);
        AtomicLong ids = new AtomicLong();
        WebSocketUpgradeHandler websockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(settings.replyTimeout().multipliedBy(2));
            container.setMaxTextMessageSize(settings.maxMessageBytes());
            container.setMaxBinaryMessageSize(1024);
            container.setMaxFrameSize(settings.maxMessageBytes());
            for (String path : PATHS) {
                container.addMapping(path, (request, response, callback) -> new ActivationSession(
                        ids.incrementAndGet(), shared, Request.extractQueryParameters(request).getValue("key"),
                        Request.getRemoteAddr(request)));
            }
        });
        websockets.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(Request request, org.eclipse.jetty.server.Response response, Callback callback) {
                response.setStatus(404);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                response.write(true, java.nio.ByteBuffer.wrap(("This is Outband's activation server: a websocket"
                        + " at /activate for the device client (rpc activate -u wss://host:port/activate).\n")
                        .getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.setHandler(websockets);
        try {
            server.start();
        } catch (Exception e) {
            timer.shutdownNow();
            stopQuietly(server);
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IOException("Port " + settings.port() + " on " + settings.bindAddress().getHostAddress()
                        + " is in use by another program: choose another port for the activation server", e);
            }
            throw new IOException("The activation server could not start: " + e.getMessage(), e);
        }
        return new ActivationServer(server, connector, timer, sha256(identity));
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address clients dial, e.g. {@code wss://192.168.1.20:8443/activate}. */
    public String url(String host) {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "wss://" + shown + ":" + port() + "/activate";
    }

    /** SHA-256 of the server's certificate, colon-separated upper-case hex as browsers show it. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The line to run on a device with DMT's client; the key is written as a placeholder, never in clear. */
    public String commandLine(String host, String profile, boolean keyed) {
        return "rpc activate -u " + url(host) + (keyed ? "?key=<API key>" : "") + " --profile " + profile;
    }

    @Override
    public void close() {
        stopQuietly(server);
        timer.shutdownNow();
    }

    private static String sha256(ServerIdentity identity) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IOException("The server certificate cannot be read: " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LoggerFactory.getLogger(ActivationServer.class).warn("The activation server did not stop cleanly: {}",
                    e.getMessage().toLowerCase(Locale.ROOT));
        }
    }
}
