package dev.outband.wsman.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyTlsTest {
    @Test
    void onlyTheOldProtocolsAndRsaKeyExchangeAreLifted() {
        String jdk25 = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, "
                + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, TLS_RSA_*, rsa_pkcs1_sha1 usage HandshakeSignature";

        assertThat(LegacyTls.withoutLegacyEntries(jdk25)).isEqualTo("SSLv3, DTLSv1.0, RC4, DES, MD5withRSA, "
                + "DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, "
                + "rsa_pkcs1_sha1 usage HandshakeSignature");
    }

    @Test
    void entriesThatMerelyResembleTheLiftedOnesStay() {
        assertThat(LegacyTls.withoutLegacyEntries("TLSv1.2, TLS_RSA_WITH_NULL_SHA, DTLSv1.0,  TLSv1 "))
                .isEqualTo("TLSv1.2, TLS_RSA_WITH_NULL_SHA, DTLSv1.0");
    }

    @Test
    void aConnectionOffersOnlyModernProtocolsUntilTheTechnicianOptsIn() {
        // This JVM never opts in: the opt-in is JVM-wide and is exercised in a child JVM by the app's tests.
        assertThat(LegacyTls.allowed()).isFalse();
        assertThat(LegacyTls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }
}
