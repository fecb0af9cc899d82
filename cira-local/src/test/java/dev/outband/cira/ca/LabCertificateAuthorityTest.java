package dev.outband.cira.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.cira.listener.ServerIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class LabCertificateAuthorityTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path folder;

    static void validate(List<X509Certificate> path, X509Certificate root) throws GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }

    @Test
    void theListenerCertificateChainsToTheRootUnderPkix() throws Exception {
        LabCertificateAuthority ca = LabCertificateAuthority.create(folder, PASSPHRASE, "Outband Lab CA");

        ServerIdentity identity = ca.issueListenerIdentity("laptop", List.of("laptop.lab", "192.168.1.10"));

        validate(List.of(identity.certificate()), ca.rootCertificate());
        List<String> names = identity.certificate().getSubjectAlternativeNames().stream()
                .map(name -> String.valueOf(name.get(1))).toList();
        assertThat(names).containsExactly("laptop.lab", "192.168.1.10");
        assertThat(identity.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void aDeviceCertificateIssuedFromItsPublicKeyChainsToTheRoot() throws Exception {
        LabCertificateAuthority ca = LabCertificateAuthority.create(folder, PASSPHRASE, "Outband Lab CA");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair deviceKeys = generator.generateKeyPair();

        X509Certificate device = ca.issueDeviceCertificate(
                SubjectPublicKeyInfo.getInstance(deviceKeys.getPublic().getEncoded()), "amt-01", List.of("amt-01.lab"));

        validate(List.of(device), ca.rootCertificate());
        assertThat(device.getPublicKey()).isEqualTo(deviceKeys.getPublic());
    }

    @Test
    void theRootReloadsWithThePassphraseAndItsKeyIsStoredEncrypted() throws Exception {
        LabCertificateAuthority created = LabCertificateAuthority.create(folder, PASSPHRASE, "Outband Lab CA");

        LabCertificateAuthority loaded = LabCertificateAuthority.load(folder, PASSPHRASE);

        assertThat(loaded.rootCertificate()).isEqualTo(created.rootCertificate());
        validate(List.of(loaded.issueListenerIdentity("laptop", List.of("localhost")).certificate()),
                created.rootCertificate());
        assertThat(Files.readString(folder.resolve(LabCaFolder.ROOT_KEY_FILE)))
                .contains("BEGIN ENCRYPTED PRIVATE KEY").doesNotContain("BEGIN PRIVATE KEY");
    }

    @Test
    void aWrongPassphraseDoesNotUnlockTheRoot() throws Exception {
        LabCertificateAuthority.create(folder, PASSPHRASE, "Outband Lab CA");

        assertThatThrownBy(() -> LabCertificateAuthority.load(folder, "guess".toCharArray()))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anExistingRootIsNeverOverwritten() throws Exception {
        LabCertificateAuthority.create(folder, PASSPHRASE, "Outband Lab CA");

        assertThatThrownBy(() -> LabCertificateAuthority.create(folder, PASSPHRASE, "Second"))
                .hasMessageContaining("already exists");
    }
}
