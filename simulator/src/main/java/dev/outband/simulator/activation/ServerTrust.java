package dev.outband.simulator.activation;

import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Which activation servers the client trusts over wss: the system's roots (rpc-go's default), the CA in a PEM
 * file (the laptop's lab CA), or exactly one certificate by its SHA-256. The name in the URL is checked in every
 * case (the websocket client asks TLS for it), so the server's certificate must name the host dialled.
 */
public final class ServerTrust {
    private ServerTrust() {
    }

    public static SSLContext system() throws GeneralSecurityException {
        return SSLContext.getDefault();
    }

    /** The certificates in a PEM file as the only roots. */
    public static SSLContext caFile(Path pem, URI server) throws IOException, GeneralSecurityException {
        List<X509Certificate> roots;
        try (InputStream in = Files.newInputStream(pem)) {
            roots = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        }
        if (roots.isEmpty()) {
            throw new CertificateException(pem + " holds no certificate");
        }
        return DeviceSslContext.create(new TrustPolicy.TrustedRoots(roots), server.getHost());
    }

    /** Only the server certificate with this SHA-256 (hex, colons allowed). */
    public static SSLContext pinned(String sha256, URI server) {
        if (!sha256.replace(":", "").matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits");
        }
        return DeviceSslContext.create(new TrustPolicy.Pinned(sha256), server.getHost());
    }
}
