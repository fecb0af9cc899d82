package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.ca.LabCertificateAuthority;
import java.net.InetAddress;
import java.util.List;
import javax.net.ssl.SSLServerSocket;
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

    @Test
    void byDefaultOnlyTls12AndNewerAreOfferedAndClientCertificatesAreOptional() throws Exception {
        try (SSLServerSocket server = ListenerTls.bind(settings(false), identity)) {
            assertThat(server.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(server.getWantClientAuth()).isTrue();
            assertThat(server.getNeedClientAuth()).isFalse();
        }
    }

    @Test
    void legacyModeAddsTheOldProtocolsOldFirmwareSpeaks() throws Exception {
        try (SSLServerSocket server = ListenerTls.bind(settings(true), identity)) {
            assertThat(server.getEnabledProtocols()).contains("TLSv1.2", "TLSv1.1", "TLSv1");
            assertThat(server.getWantClientAuth()).isTrue();
        }
    }
}
