package dev.outband.wsman.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scan against AMT's answers as recorded in public sources, served byte for byte from a raw socket:
 * the 401 of /wsman from the device-management-toolkit/rps test fixtures (AMT 11.8.50.3425, realm
 * {@code Digest:A4070000000000000000000000000000}), and the front page's 303 with MeshCentral's sample
 * version 7.1.91 ({@code amtscanner.js}, see the fact sheet, section 5.3).
 */
@Timeout(30)
class RecordedAmtAnswersTest {
    private static final String RPS_401 = "HTTP/1.1 401 Unauthorized\r\n"
            + "WWW-Authenticate: Digest realm=\"Digest:A4070000000000000000000000000000\", "
            + "nonce=\"wlbEK1EtAAAAAAAAWW5aUHFp+mQQ1j63\",stale=\"false\",qop=\"auth\"\r\n"
            + "Content-Type: text/html\r\nServer: Intel(R) Active Management Technology 11.8.50.3425\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n";
    private static final String FRONT_303 = "HTTP/1.1 303 See Other\r\nLocation: /logon.htm\r\nContent-Length: 0\r\n"
            + "Server: Intel(R) Active Management Technology 7.1.91\r\n\r\n";

    @Test
    void theFrontPageGivesTheVersionAndWsmanTheRealm() throws Exception {
        try (OneShotServer server = new OneShotServer(path -> path.equals("/") ? FRONT_303 : RPS_401)) {
            ScanResult result = scanLoopback(server.port(), Duration.ofSeconds(5));
            assertThat(result.devices()).containsExactly(new DiscoveredDevice("127.0.0.1", List.of(server.port()),
                    false, "7.1.91", null, "Digest:A4070000000000000000000000000000", null, false));
            assertThat(server.paths).containsExactlyInAnyOrder("/", "/wsman");
        }
    }

    @Test
    void withoutAFrontPageThe401NamesTheVersion() throws Exception {
        try (OneShotServer server = new OneShotServer(path -> path.equals("/")
                ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n" : RPS_401)) {
            ScanResult result = scanLoopback(server.port(), Duration.ofSeconds(5));
            assertThat(result.devices()).singleElement().satisfies(d -> {
                assertThat(d.version()).isEqualTo("11.8.50.3425");
                assertThat(d.realm()).isEqualTo("Digest:A4070000000000000000000000000000");
            });
        }
    }

    @Test
    void anotherWebServerIsNotReported() throws Exception {
        try (OneShotServer server = new OneShotServer(path -> "HTTP/1.1 401 Unauthorized\r\n"
                + "WWW-Authenticate: Digest realm=\"router\", nonce=\"abc\"\r\nServer: lighttpd\r\n"
                + "Content-Length: 0\r\n\r\n")) {
            assertThat(scanLoopback(server.port(), Duration.ofSeconds(5)).devices()).isEmpty();
        }
    }

    @Test
    void aSilentPortCostsTheHostDeadlineAndNoMore() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            ScanResult result = scanLoopback(silent.getLocalPort(), Duration.ofMillis(800));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(result.devices()).isEmpty();
            assertThat(millis).isLessThan(5_000);
        }
    }

    /** One address, 127.0.0.1, with its HTTP port given and every other port closed. */
    private static ScanResult scanLoopback(int httpPort, Duration hostTimeout) throws IOException {
        int closedUdp;
        int closedTcp;
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedUdp = udp.getLocalPort();
            closedTcp = tcp.getLocalPort();
        }
        DiscoverySettings settings = DiscoverySettings.defaults().withPorts(closedUdp, httpPort, closedTcp)
                .withHostTimeout(hostTimeout).withPongWait(Duration.ofMillis(200));
        return new DiscoveryScan(AddressRange.parse("127.0.0.1"), settings, new DiscoveryScan.Listener() { }).run();
    }

    /** Answers every connection's first request with the bytes for its path, then closes. */
    private static final class OneShotServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final Function<String, String> answers;
        final List<String> paths = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        OneShotServer(Function<String, String> answers) throws IOException {
            this.answers = answers;
            this.acceptor = Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (connections.incrementAndGet() <= 20) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(5_000);
                    String path = requestPath(s.getInputStream());
                    paths.add(path);
                    OutputStream out = s.getOutputStream();
                    out.write(answers.apply(path).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static String requestPath(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (head.size() < 16 * 1024 && !head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String[] requestLine = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0].split(" ");
            return requestLine.length > 1 ? requestLine[1] : "";
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(5_000);
        }
    }
}
