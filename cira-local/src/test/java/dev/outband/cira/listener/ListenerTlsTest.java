package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.ca.LabCertificateAuthority;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ListenerTlsTest {
    private static ServerIdentity identity;

    @BeforeAll
    static void makeIdentity() throws Exception {
        identity = LabCertificateAuthority.selfSignedIdentity("test", List.of("127.0.0.1"));
    }

    private static ListenerSettings settings(boolean legacy) {
        return ListenerSettings.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withLegacyTls(legacy);
    }

    /** The server side of one loopback connection, with the listener's TLS layered over it. */
    private static void withLayeredSocket(boolean legacy, SocketCheck check) throws Exception {
        ListenerSettings settings = settings(legacy);
        try (ServerSocket server = ListenerTls.bind(settings);
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             SSLSocket accepted = ListenerTls.of(settings, identity).layer(server.accept())) {
            check.on(accepted);
        }
    }

    private interface SocketCheck {
        void on(SSLSocket socket) throws Exception;
    }

    @Test
    void byDefaultOnlyTls12AndNewerAreOfferedAndClientCertificatesAreOptional() throws Exception {
        withLayeredSocket(false, socket -> {
            assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(socket.getUseClientMode()).isFalse();
            assertThat(socket.getWantClientAuth()).isTrue();
            assertThat(socket.getNeedClientAuth()).isFalse();
        });
    }

    @Test
    void legacyModeAddsTheOldProtocolsOldFirmwareSpeaks() throws Exception {
        withLayeredSocket(true, socket -> {
            assertThat(socket.getEnabledProtocols()).contains("TLSv1.2", "TLSv1.1", "TLSv1");
            assertThat(socket.getWantClientAuth()).isTrue();
        });
    }
}
