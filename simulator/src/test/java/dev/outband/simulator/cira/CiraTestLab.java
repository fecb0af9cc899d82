package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.ca.LabCertificateAuthority;
import dev.outband.cira.listener.CiraCredentialCheck;
import dev.outband.cira.listener.CiraListener;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.cira.listener.ServerIdentity;
import dev.outband.simulator.net.ConnectionHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Shared pieces for tests that run the listener against simulated devices on loopback. */
final class CiraTestLab {
    static final String USER = "admin";
    static final byte[] PASSWORD = "Lab-P@ssw0rd".getBytes(StandardCharsets.UTF_8);
    static final int WSMAN_PORT = 16992;
    static final int ECHO_PORT = 5900;
    private static ServerIdentity identity;

    private CiraTestLab() {
    }

    /** One RSA key for the whole test run: key generation is the slow part of TLS set-up. */
    static synchronized ServerIdentity identity() throws GeneralSecurityException {
        if (identity == null) {
            identity = LabCertificateAuthority.selfSignedIdentity("outband-test", List.of("localhost", "127.0.0.1"));
        }
        return identity;
    }

    static ListenerSettings settings() {
        return ListenerSettings.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(1));
    }

    static CiraListener startListener(ListenerSettings settings) throws Exception {
        return CiraListener.start(settings, identity(), CiraCredentialCheck.labWide(USER, PASSWORD));
    }

    static SSLSocketFactory trusting(X509Certificate certificate) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("listener", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    static DeviceUuid randomUuid() {
        return new DeviceUuid(UUID.randomUUID());
    }

    static CiraClientSettings device(CiraListener listener, DeviceUuid uuid, byte[] password) throws Exception {
        return CiraClientSettings.of("127.0.0.1", listener.port(), uuid, USER, password,
                Map.of(WSMAN_PORT, CiraTestLab::http, ECHO_PORT, CiraTestLab::echo),
                trusting(identity().certificate())).withKeepAliveInterval(Duration.ofSeconds(1));
    }

    /** A device forwarding {@code ports} (AMT's port numbers) through the listener, connected and forwarding. */
    static CiraClient connect(CiraListener listener, DeviceUuid uuid,
            Map<Integer, ConnectionHandler> ports) throws Exception {
        CiraClient client = CiraClient.start(CiraClientSettings.of("127.0.0.1", listener.port(), uuid, USER, PASSWORD,
                ports, trusting(identity().certificate())));
        assertThat(client.awaitForwarding(Duration.ofSeconds(20))).as("device reaches port forwarding").isTrue();
        return client;
    }

    static CiraClient connect(CiraListener listener, DeviceUuid uuid) throws Exception {
        CiraClient client = CiraClient.start(device(listener, uuid, PASSWORD));
        assertThat(client.awaitForwarding(Duration.ofSeconds(20))).as("device reaches port forwarding").isTrue();
        return client;
    }

    /** A tiny HTTP/1.1 server, the stand-in for WS-Man: answers each request with its request line. */
    static void http(InputStream in, OutputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        String requestLine;
        while ((requestLine = reader.readLine()) != null) {
            String header;
            do {
                header = reader.readLine();
            } while (header != null && !header.isEmpty());
            byte[] body = ("you sent " + requestLine).getBytes(StandardCharsets.ISO_8859_1);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        }
    }

    static void echo(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }

    /** Sends one HTTP request through {@code factory} and returns the body. */
    static String get(SocketFactory factory, String path) throws IOException {
        try (Socket socket = factory.createSocket("device.invalid", WSMAN_PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: device\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(reader.readLine()).isEqualTo("HTTP/1.1 200 OK");
            int length = 0;
            String header;
            while (!(header = reader.readLine()).isEmpty()) {
                if (header.startsWith("Content-Length: ")) {
                    length = Integer.parseInt(header.substring(16));
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                read += reader.read(body, read, length - read);
            }
            return new String(body);
        }
    }
}
