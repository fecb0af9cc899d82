package dev.outband.wsman.amt.certificates;

import java.util.List;
import java.util.Optional;

/** The device's certificates and the InstanceID of the one its TLS ports present (AMT_TLSCredentialContext), if any. */
public record CertificateListing(List<DeviceCertificate> certificates, Optional<String> tlsCertificateId) {
    public CertificateListing {
        certificates = List.copyOf(certificates);
    }

    public boolean usedByTls(DeviceCertificate certificate) {
        return tlsCertificateId.filter(certificate.instanceId()::equals).isPresent();
    }
}
