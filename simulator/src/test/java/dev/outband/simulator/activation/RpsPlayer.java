package dev.outband.simulator.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outband.simulator.wsman.TestAuthority;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A websocket server for tests that plays the provisioning server's side step by step, as rps does
 * (src/utils/ClientResponseMsg.ts for the JSON, src/HttpHandler.ts for the HTTP it tunnels: POST /wsman with
 * Host uuid:16992, one upper-case hex chunk, Connection: close, and a digest Authorization after a 401;
 * the SOAP envelopes as wsman-messages writes them, see go-wsman-messages' internal/message/wsman.go). It runs
 * over TLS with a certificate for 127.0.0.1 from a test CA. All digest arithmetic here is RFC 2617's, written
 * for the test.
 */
public final class RpsPlayer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String HOST_BASED_SETUP = "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_HostBasedSetupService";
    public static final String GENERAL_SETTINGS = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";
    private static final Pattern CHALLENGE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<Session> opened = new LinkedBlockingQueue<>();
    private final List<Session> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageId = new AtomicInteger();
    private final TestAuthority authority;
    private final String fingerprint;
    private Session first;

    public RpsPlayer() throws Exception {
        this(1);
    }

    /** A server that takes {@code connections} websockets, each a session of its own. */
    public RpsPlayer(int connections) throws Exception {
        authority = TestAuthority.create("Outband Test Lab CA");
        TestAuthority.Leaf leaf = authority.issueWithKey("127.0.0.1");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", leaf.key(), new char[0], new Certificate[] {leaf.certificate(), authority.root()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.certificate().getEncoded()));
        server.useHttps(tls.getSocketFactory());
        for (int i = 0; i < connections; i++) {
            server.enqueue(new MockResponse.Builder().webSocketUpgrade(new Session()).build());
        }
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    public URI uri() {
        return URI.create("wss://127.0.0.1:" + server.getPort() + "/activate");
    }

    public TestAuthority authority() {
        return authority;
    }

    /** The lab CA as a PEM file in {@code dir}, as the laptop hands it to devices. */
    public Path writeCa(Path dir) throws Exception {
        Path ca = dir.resolve("lab-ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(authority.root().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return ca;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The next websocket a client opened; fails the test after 10 s. */
    public Session accept() throws InterruptedException {
        Session session = opened.poll(10, TimeUnit.SECONDS);
        if (session == null) {
            throw new AssertionError("no client opened a websocket within 10 s");
        }
        return session;
    }

    private Session first() throws InterruptedException {
        if (first == null) {
            first = accept();
        }
        return first;
    }

    /** The first client's next message as JSON. */
    public JsonNode next() throws Exception {
        return first().next();
    }

    /** Whether no client opened a websocket, or the first sent nothing more, within {@code millis}. */
    public boolean silentFor(long millis) throws InterruptedException {
        if (first == null) {
            first = opened.poll(millis, TimeUnit.MILLISECONDS);
            return first == null || first.silentFor(0);
        }
        return first.silentFor(millis);
    }

    public void send(String method, String status, String message, String payload) throws Exception {
        first().send(method, status, message, payload);
    }

    public void sendRaw(String text) throws InterruptedException {
        first().sendRaw(text);
    }

    public HttpReply wsman(String user, String password, String uuid, String soap) throws Exception {
        return first().wsman(user, password, uuid, soap);
    }

    public void activateClientControl(JsonNode firstMessage, String password) throws Exception {
        first().activateClientControl(firstMessage, password);
    }

    /** One client's websocket, played as rps plays one device's session. */
    public final class Session extends WebSocketListener {
        private final BlockingQueue<String> fromClient = new LinkedBlockingQueue<>();
        private volatile WebSocket socket;
        private Map<String, String> challenge;
        private int nc;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            all.add(this);
            opened.add(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            fromClient.add(text);
        }

        /** rps' websocket library answers a close at once; OkHttp leaves that to the listener. */
        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(code, null);
        }

        /** The client's next message as JSON; fails the test after 10 s of silence. */
        public JsonNode next() throws Exception {
            String text = fromClient.poll(10, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("no message from the client within 10 s");
            }
            return JSON.readTree(text);
        }

        boolean silentFor(long millis) throws InterruptedException {
            return fromClient.poll(millis, TimeUnit.MILLISECONDS) == null;
        }

        /** A message as rps' ClientResponseMsg.get builds it. */
        public void send(String method, String status, String message, String payload) throws Exception {
            ObjectNode node = JSON.createObjectNode().put("method", method).put("apiKey", "xxxxx")
                    .put("appVersion", "2.40.0").put("protocolVersion", "4.0.0").put("status", status)
                    .put("message", message);
            if (payload == null) {
                node.putNull("payload");
            } else {
                node.put("payload", payload);
            }
            node.put("tenantId", "");
            sendRaw(JSON.writeValueAsString(node));
        }

        public void sendRaw(String text) {
            socket.send(text);
        }

        /**
         * One WS-Man exchange as rps runs it: the request (with digest once a challenge is known), the client's
         * "response" decoded; on a 401 the challenge is stored and the request sent again, as rps repeats the step.
         */
        public HttpReply wsman(String user, String password, String uuid, String soap) throws Exception {
            for (int attempt = 0; attempt < 3; attempt++) {
                send("wsman", "ok", "", Base64.getEncoder().encodeToString(http(user, password, uuid, soap)));
                JsonNode reply = next();
                if (!"response".equals(reply.get("method").asText())) {
                    throw new AssertionError("expected a response, got " + reply);
                }
                HttpReply parsed = HttpReply.parse(Base64.getDecoder().decode(reply.get("payload").asText()));
                if (parsed.status() != 401) {
                    return parsed;
                }
                challenge = new LinkedHashMap<>();
                Matcher m = CHALLENGE.matcher(parsed.header("WWW-Authenticate"));
                while (m.find()) {
                    challenge.put(m.group(1), m.group(2));
                }
            }
            throw new AssertionError("three 401s in a row: Unable to authenticate with AMT");
        }

        private byte[] http(String user, String password, String uuid, String soap) throws Exception {
            StringBuilder head = new StringBuilder("POST /wsman HTTP/1.1\r\n");
            if (challenge != null) {
                String ncText = String.format("%08x", ++nc);
                String cnonce = Long.toString(System.nanoTime(), 36);
                String ha1 = md5(user + ":" + challenge.get("realm") + ":" + password);
                String ha2 = md5("POST:/wsman");
                String response = md5(ha1 + ":" + challenge.get("nonce") + ":" + ncText + ":" + cnonce + ":auth:" + ha2);
                head.append("Authorization: Digest username=\"").append(user).append("\",realm=\"")
                        .append(challenge.get("realm")).append("\",nonce=\"").append(challenge.get("nonce"))
                        .append("\",uri=\"/wsman\",qop=\"auth\",response=\"").append(response).append("\",nc=\"")
                        .append(ncText).append("\",cnonce=\"").append(cnonce).append("\"\r\n");
            }
            head.append("Host: ").append(uuid).append(":16992\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .append(Integer.toHexString(soap.length()).toUpperCase()).append("\r\n").append(soap)
                    .append("\r\n0\r\n\r\n");
            return head.toString().getBytes(StandardCharsets.UTF_8);
        }

        /**
         * rps' client-control steps for a device whose first message just arrived: GeneralSettings for the realm
         * (401, then digest with the local account), Setup with MD5("admin:" + realm + ":" + password), then
         * success with rps' status JSON.
         */
        public void activateClientControl(JsonNode first, String password) throws Exception {
            JsonNode payload = JSON.readTree(Base64.getDecoder().decode(first.get("payload").asText()));
            String uuid = payload.get("uuid").asText();
            String user = payload.get("username").asText();
            String lsaPassword = payload.get("password").asText();
            String realm = wsman(user, lsaPassword, uuid, get(GENERAL_SETTINGS)).text("DigestRealm");
            HttpReply setup = wsman(user, lsaPassword, uuid, invoke(HOST_BASED_SETUP, "Setup",
                    "<h:NetAdminPassEncryptionType>2</h:NetAdminPassEncryptionType><h:NetworkAdminPassword>"
                            + md5("admin:" + realm + ":" + password) + "</h:NetworkAdminPassword>"));
            if (!"0".equals(setup.text("ReturnValue"))) {
                send("error", "failed", "{\"Status\":\"Failed to activate in client control mode.\"}", null);
                return;
            }
            send("success", "success", "{\"Status\":\"Client control mode.\",\"Network\":\"Wired Network Configured\"}",
                    null);
        }

    }

    public String get(String resourceUri) {
        return envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", resourceUri, "");
    }

    public String invoke(String resourceUri, String method, String inputs) {
        return envelope(resourceUri + "/" + method, resourceUri, "<h:" + method + "_INPUT xmlns:h=\"" + resourceUri
                + "\">" + inputs + "</h:" + method + "_INPUT>");
    }

    private String envelope(String action, String resourceUri, String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns=\"http://www.w3.org/2003/05/soap-envelope\">"
                + "<Header><a:Action>" + action + "</a:Action><a:To>/wsman</a:To><w:ResourceURI>" + resourceUri
                + "</w:ResourceURI><a:MessageID>" + messageId.getAndIncrement() + "</a:MessageID><a:ReplyTo><a:Address>"
                + "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
                + "<w:OperationTimeout>PT60S</w:OperationTimeout></Header><Body>" + body + "</Body></Envelope>";
    }

    public static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        all.forEach(session -> session.socket.close(1000, null));
        server.close();
    }

    /** An HTTP response as the client relayed it: status, headers, and the body de-chunked as rps does. */
    public record HttpReply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " header"));
        }

        /** A simple element's text by local name, prefix ignored, as rps reads replies. */
        public String text(String localName) {
            Matcher m = Pattern.compile("<(?:\\w+:)?" + localName + ">([^<]*)</").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no " + localName + " in " + body);
            }
            return m.group(1);
        }

        static HttpReply parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String rest = text.substring(end + 4);
            boolean chunked = headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding")
                    && e.getValue().equalsIgnoreCase("chunked"));
            return new HttpReply(status, headers, chunked ? dechunk(rest) : rest);
        }

        private static String dechunk(String rest) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            for (int guard = 0; guard < 10_000; guard++) {
                int eol = rest.indexOf("\r\n", at);
                int size = Integer.parseInt(rest.substring(at, eol).trim(), 16);
                if (size == 0) {
                    return body.toString(StandardCharsets.ISO_8859_1);
                }
                body.writeBytes(rest.substring(eol + 2, eol + 2 + size).getBytes(StandardCharsets.ISO_8859_1));
                at = eol + 2 + size + 2;
            }
            throw new AssertionError("too many chunks");
        }
    }
}
