package dev.outband.cira.ca;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Certificate chains as PEM text, with the JDK alone: storing or reading a certificate needs no BouncyCastle. */
public final class Pem {
    private Pem() {
    }

    public static String certificates(List<X509Certificate> chain) throws CertificateEncodingException {
        Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(lines.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    /** The certificates in {@code file}, in order; a file with none is an error. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> chain.add((X509Certificate) c));
            if (chain.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return chain;
        }
    }
}
