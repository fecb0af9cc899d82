package dev.outband.app.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A test client speaking rpc-go's side of the protocol (internal/rps/message.go: Message with apiKey "key",
 * protocolVersion "4.0.0", status "ok"; the first payload a MessagePayload; each "wsman" answered with a "response"
 * holding the device's raw HTTP reply), over real TLS that trusts only the lab root.
 */
final class RpcTestClient implements AutoCloseable {
    /** What the device behind the client does with one relayed request. */
    @FunctionalInterface
    interface Device {
        byte[] answer(byte[] request) throws Exception;
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String UUID = "12345678-9abc-def0-1234-56789abcdef0";
    static final String LSA_USER = "$$OsAdmin";
    static final String LSA_PASSWORD = "LsaP@ss-0123456789";

    private final OkHttpClient http;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private WebSocket socket;
    private volatile X509Certificate peer;

    RpcTestClient(X509Certificate root) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("lab", root);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        http = new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(),
                        (X509TrustManager) factory.getTrustManagers()[0])
                .readTimeout(Duration.ofSeconds(30)).build();
    }

    /** rpc-go's MessagePayload for a device in pre-provisioning (currentMode 0). */
    static ObjectNode payload(int currentMode) {
        ObjectNode p = JSON.createObjectNode();
        p.put("ver", "16.1.25").put("build", "2049").put("sku", "16392").put("features", "AMT Pro Corporate")
                .put("uuid", UUID).put("username", LSA_USER).put("password", LSA_PASSWORD)
                .put("currentMode", currentMode).put("hostname", "lab-pc-7").put("fqdn", "vprodemo.com")
                .put("client", "RPC");
        p.putArray("certHashes").add("e7685634efacf69ace939a6b255b7b4fabef42935b50a265acb5cb6027e44e70");
        p.putObject("ipConfiguration").put("dhcp", true).put("static", false).put("ipsync", true)
                .put("ipAddress", "192.168.1.57").put("netmask", "255.255.255.0");
        p.putObject("hostnameInfo").put("dnsSuffixOS", "vprodemo.com").put("hostname", "lab-pc-7");
        return p;
    }

    static ObjectNode message(String method, String payloadJson) {
        ObjectNode m = JSON.createObjectNode();
        m.put("method", method).put("apiKey", "key").put("appVersion", "v2.52.4").put("protocolVersion", "4.0.0")
                .put("status", "ok").put("message", "ok").put("fqdn", "")
                .put("payload", Base64.getEncoder().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)))
                .put("tenantId", "");
        return m;
    }

    void connect(String url) {
        socket = http.newWebSocket(new Request.Builder().url(url.replace("wss://", "https://")).build(),
                new WebSocketListener() {
                    @Override
                    public void onOpen(WebSocket webSocket, Response response) {
                        peer = (X509Certificate) response.handshake().peerCertificates().getFirst();
                    }

                    @Override
                    public void onMessage(WebSocket webSocket, String text) {
                        events.add(text);
                    }

                    @Override
                    public void onClosed(WebSocket webSocket, int code, String reason) {
                        events.add(new Closed(code, reason));
                    }

                    @Override
                    public void onClosing(WebSocket webSocket, int code, String reason) {
                        webSocket.close(1000, null);
                    }

                    @Override
                    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                        events.add(new Closed(-1, String.valueOf(t)));
                    }
                });
    }

    record Closed(int code, String reason) {
    }

    /** Thrown by a {@link Device} to hang up at once: the device took the request, its reply never reaches the server. */
    static final class Leave extends RuntimeException {
    }

    /** The end of a run: the final message ("success"/"error") or how the socket closed, and the exchanges relayed. */
    record Outcome(JsonNode last, Closed closed, int relayed) {
        String method() {
            return last == null ? null : last.get("method").asText();
        }

        String status() throws Exception {
            return last == null ? null : JSON.readTree(last.get("message").asText()).get("Status").asText();
        }
    }

    /** The certificate the server presented. */
    X509Certificate serverCertificate() {
        return peer;
    }

    void send(String text) {
        socket.send(text);
    }

    /** Relays every "wsman" to {@code device} until the server ends; after {@code leaveAfter} exchanges it hangs up. */
    Outcome run(Device device, int leaveAfter) throws Exception {
        int relayed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Object event = events.poll(1, TimeUnit.SECONDS);
            if (event == null) {
                continue;
            }
            if (event instanceof Closed closed) {
                return new Outcome(null, closed, relayed);
            }
            JsonNode m = JSON.readTree((String) event);
            String method = m.get("method").asText();
            if (!method.equals("wsman")) {
                return new Outcome(m, null, relayed);
            }
            if (relayed == leaveAfter) {
                socket.cancel();
                return new Outcome(null, new Closed(-1, "left"), relayed);
            }
            byte[] reply;
            try {
                reply = device.answer(Base64.getDecoder().decode(m.get("payload").asText()));
            } catch (Leave leave) {
                socket.cancel();
                return new Outcome(null, new Closed(-1, "left"), relayed);
            }
            relayed++;
            socket.send(JSON.writeValueAsString(message("response", "").put("payload",
                    Base64.getEncoder().encodeToString(reply))));
        }
        throw new AssertionError("the server neither ended the session nor asked anything within 60 s");
    }

    Outcome run(Device device) throws Exception {
        return run(device, Integer.MAX_VALUE);
    }

    /** Waits for the server to close the socket (after its final message); the close code. */
    Closed closed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Object event = events.poll(1, TimeUnit.SECONDS);
            if (event instanceof Closed c) {
                return c;
            }
        }
        throw new AssertionError("the server did not close the socket within 30 s");
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.cancel();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
