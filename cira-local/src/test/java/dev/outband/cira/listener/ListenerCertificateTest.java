package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.ca.LabCertificateAuthority;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The self-signed listener certificate is a server certificate (RFC 5280 §4.2.1.3, .9, .12; CA/B
 * baseline for TLS servers), and the JDK's own HTTPS host-name check (RFC 6125) accepts the names given.
 */
@Timeout(60)
class ListenerCertificateTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @Test
    void theSelfSignedCertificateIsAServerCertificateForTheNamesGiven() throws Exception {
        ServerIdentity identity = LabCertificateAuthority.selfSignedIdentity("laptop",
                List.of("laptop.lab.example", "localhost", "127.0.0.1"));
        X509Certificate certificate = identity.certificate();

        assertThat(certificate.getBasicConstraints()).as("CA:FALSE").isEqualTo(-1);
        boolean[] usage = certificate.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[2]).as("keyEncipherment").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
                .containsExactly("laptop.lab.example", "localhost", "127.0.0.1");

        ListenerSettings settings = ListenerSettings.defaults().withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(1));
        try (CiraListener listener = CiraListener.start(settings, identity,
                CiraCredentialCheck.labWide(ApfPeer.USER, ApfPeer.PASSWORD))) {
            for (String name : List.of("127.0.0.1", "localhost")) {
                assertThat(handshakeCheckingName(listener, certificate, name)).isEqualTo(certificate);
            }
        }
    }

    /** A TLS client that trusts the certificate and checks the host name as HTTPS clients do. */
    private static X509Certificate handshakeCheckingName(CiraListener listener, X509Certificate trusted, String host)
            throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("listener", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(host, listener.port())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
