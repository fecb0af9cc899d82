package dev.outband.wsman.amt.certificates;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.amt.tls.TlsConfigService;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * AMT's certificate store (AMT_PublicKeyManagementService): key pairs the device makes itself,
 * certificates issued for them, and trusted root certificates.
 */
public final class CertificateStoreService {
    static final String SERVICE = "AMT_PublicKeyManagementService";
    static final String KEY_PAIR = "AMT_PublicPrivateKeyPair";
    static final String CERTIFICATE = "AMT_PublicKeyCertificate";
    private static final int RSA = 0;

    private final WsmanClient wsman;

    public CertificateStoreService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    /** Asks the device to make an RSA key pair; returns its InstanceID. Takes seconds on real firmware. */
    public String generateKeyPair(int bits) throws WsmanException {
        CimObject out = wsman.invoke(Reference.of(SERVICE), "GenerateKeyPair",
                List.of(Argument.of("KeyAlgorithm", RSA), Argument.of("KeyLength", bits)));
        return createdId(out, "KeyPair");
    }

    public List<DeviceKeyPair> keyPairs() throws WsmanException {
        List<DeviceKeyPair> out = new ArrayList<>();
        for (CimObject o : wsman.enumerate(KEY_PAIR)) {
            out.add(new DeviceKeyPair(o.get("InstanceID"), AmtPublicKey.parse(o.get("DERKey"))));
        }
        return out;
    }

    public DeviceKeyPair keyPair(String instanceId) throws WsmanException {
        return keyPairs().stream().filter(k -> k.instanceId().equals(instanceId)).findFirst()
                .orElseThrow(() -> new WsmanException.MalformedReply("key pair '" + instanceId + "' is not listed", null));
    }

    /** Adds a certificate for one of the device's own key pairs; returns its InstanceID. */
    public String addCertificate(X509Certificate certificate) throws WsmanException {
        return createdId(wsman.invoke(Reference.of(SERVICE), "AddCertificate",
                List.of(Argument.of("CertificateBlob", base64(certificate)))), "CreatedCertificate");
    }

    /** Adds a CA certificate the device then trusts (e.g. for the MPS it calls); returns its InstanceID. */
    public String addTrustedRoot(X509Certificate root) throws WsmanException {
        return createdId(wsman.invoke(Reference.of(SERVICE), "AddTrustedRootCertificate",
                List.of(Argument.of("CertificateBlob", base64(root)))), "CreatedCertificate");
    }

    public List<DeviceCertificate> certificates() throws WsmanException {
        List<DeviceCertificate> out = new ArrayList<>();
        for (CimObject o : wsman.enumerate(CERTIFICATE)) {
            out.add(DeviceCertificate.from(o));
        }
        return out;
    }

    /** The store's certificates and which of them the device's TLS ports present. */
    public CertificateListing listing() throws WsmanException {
        return new CertificateListing(certificates(), new TlsConfigService(wsman).serverCertificate());
    }

    public void deleteCertificate(String instanceId) throws WsmanException {
        wsman.delete(Reference.of(CERTIFICATE, "InstanceID", instanceId));
    }

    public void deleteKeyPair(String instanceId) throws WsmanException {
        wsman.delete(Reference.of(KEY_PAIR, "InstanceID", instanceId));
    }

    private static String createdId(CimObject out, String property) throws WsmanException {
        String id = out.reference(property).map(r -> r.selector("InstanceID")).orElse("");
        if (id.isEmpty()) {
            throw new WsmanException.MalformedReply(out.className() + " without the " + property + " reference", null);
        }
        return id;
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }
}
