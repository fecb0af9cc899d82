package dev.outband.wsman.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.X509TrustManager;

/** Checks one device's certificate against its trust policy and the host we dialled. */
public final class DeviceTrustManager implements X509TrustManager {
    private final TrustPolicy policy;
    private final String host;

    public DeviceTrustManager(TrustPolicy policy, String host) {
        this.policy = policy;
        this.host = host;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate presented");
        }
        X509Certificate leaf = chain[0];
        String subject = leaf.getSubjectX500Principal().getName();
        String sha256 = Certificates.sha256(leaf);
        switch (policy) {
            case TrustPolicy.Pinned pinned -> {
                if (!pinned.sha256().equals(sha256)) {
                    throw new TrustFailure(TrustFailure.Kind.UNKNOWN_CERTIFICATE, host, subject, sha256, null);
                }
            }
            case TrustPolicy.FirstUse first ->
                    throw new TrustFailure(TrustFailure.Kind.UNKNOWN_CERTIFICATE, host, subject, sha256, null);
            case TrustPolicy.TrustedRoots roots -> {
                validatePath(chain, roots, subject, sha256);
                if (!Certificates.matchesHost(leaf, host)) {
                    throw new TrustFailure(TrustFailure.Kind.SUBJECT_MISMATCH, host, subject, sha256, null);
                }
            }
        }
    }

    private void validatePath(X509Certificate[] chain, TrustPolicy.TrustedRoots roots, String subject, String sha256)
            throws TrustFailure {
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            roots.roots().forEach(r -> anchors.add(new TrustAnchor(r, null)));
            PKIXParameters params = new PKIXParameters(anchors);
            // AMT devices carry no reachable CRL/OCSP endpoints; revocation is the user's pin/unpin decision.
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain)), params);
        } catch (GeneralSecurityException e) {
            throw new TrustFailure(TrustFailure.Kind.UNTRUSTED_ROOT, host, subject, sha256, e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client side not supported");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
