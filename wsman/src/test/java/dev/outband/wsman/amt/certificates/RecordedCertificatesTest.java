package dev.outband.wsman.amt.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.RecordedReplies;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/**
 * The store as real firmware lists it (go-wsman-messages amt/publickey/certificate/pull.xml). Subject, dates
 * and fingerprint are what OpenSSL 3.0 prints for the first certificate
 * ({@code openssl x509 -inform DER -noout -subject -dates -fingerprint -sha256 -nameopt RFC2253}).
 */
class RecordedCertificatesTest {
    @Test
    void theRecordedStoreHasTwoTrustedRootsAndTheFactsOpenSslSees() throws Exception {
        List<DeviceCertificate> certs = RecordedReplies.pulled("amt-publickey-certificate-pull.xml").stream()
                .map(o -> {
                    try {
                        return DeviceCertificate.from(o);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();

        assertThat(certs).extracting(DeviceCertificate::instanceId).containsExactly(
                "Intel(r) AMT Certificate: Handle: 0", "Intel(r) AMT Certificate: Handle: 1",
                "Intel(r) AMT Certificate: Handle: 2");
        assertThat(certs).extracting(DeviceCertificate::trustedRoot).containsExactly(true, false, true);
        DeviceCertificate first = certs.getFirst();
        assertThat(first.certificate().getSubjectX500Principal().getName(X500Principal.RFC2253))
                .isEqualTo("C=unknown,O=unknown,CN=MPSRoot-0af1d5");
        assertThat(first.certificate().getNotBefore().toInstant()).isEqualTo(Instant.parse("2022-09-24T10:45:08Z"));
        assertThat(first.certificate().getNotAfter().toInstant()).isEqualTo(Instant.parse("2053-09-24T10:45:08Z"));
        assertThat(first.sha256()).isEqualTo("574dc4c3b010414f4be19bc423a92a9150e6c97abde0c435f61e4b006a8cf5b1");

        CertificateListing listing = new CertificateListing(certs, Optional.of("Intel(r) AMT Certificate: Handle: 1"));
        assertThat(certs).filteredOn(listing::usedByTls).extracting(DeviceCertificate::instanceId)
                .containsExactly("Intel(r) AMT Certificate: Handle: 1");
    }
}
