package dev.outband.wsman.amt.certificates;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.tls.Certificates;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** One certificate in the device's store (AMT_PublicKeyCertificate) and whether it is a trusted root. */
public record DeviceCertificate(String instanceId, X509Certificate certificate, boolean trustedRoot) {

    public static DeviceCertificate from(CimObject o) throws WsmanException {
        // AMT spells the property "TrustedRootCertficate"; the corrected spelling is read too.
        boolean root = o.getBoolean("TrustedRootCertficate") || o.getBoolean("TrustedRootCertificate");
        return new DeviceCertificate(o.get("InstanceID"), decode(o.get("X509Certificate")), root);
    }

    /** SHA-256 of the DER certificate, lower-case hex, as openssl x509 -fingerprint -sha256 shows it without colons. */
    public String sha256() {
        return Certificates.sha256(certificate);
    }

    /** A base64 DER certificate as AMT_PublicKeyCertificate.X509Certificate (and MPS's x509Certificate) carry it. */
    public static X509Certificate decode(String base64) throws WsmanException {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new WsmanException.MalformedReply("a certificate in the device's store cannot be read", e);
        }
    }
}
