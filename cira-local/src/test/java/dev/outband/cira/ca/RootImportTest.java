package dev.outband.cira.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing an existing root as the lab CA. The files were made with OpenSSL 3.0 (test keys, nothing
 * else uses them): a CA root with its key as clear PKCS#8, encrypted PKCS#8 (password Pem-Pa55) and
 * traditional RSA PEM; the same pair as PKCS#12 (password P12-Pa55); a CA:FALSE certificate; an
 * unrelated key; and a root that expired in 2021 ({@code openssl ca -selfsign -startdate … -enddate …}).
 */
class RootImportTest {
    @TempDir
    Path dir;

    @Test
    void aRootFromOpenSslPemFilesIssuesDeviceCertificatesThatChainToIt() throws Exception {
        for (String keyFile : List.of("root-key.pem", "root-key-rsa.pem")) {
            RootImport.Root root = RootImport.fromPem(text("root.pem"), text(keyFile), new char[0]);
            Path folder = dir.resolve(keyFile);
            LabCertificateAuthority ca = LabCertificateAuthority.importRoot(folder, root.certificate(), root.key(),
                    "sealed-elsewhere".toCharArray());
            assertThat(ca.rootCertificate().getSubjectX500Principal().getName()).contains("CN=Imported Lab Root");

            var device = KeyPairGenerator.getInstance("RSA");
            device.initialize(2048);
            X509Certificate issued = LabCertificateAuthority.load(folder, "sealed-elsewhere".toCharArray())
                    .issueDeviceCertificate(device.generateKeyPair().getPublic(), "amt-7.lab", List.of("amt-7.lab"),
                            Duration.ofDays(30));
            issued.verify(root.certificate().getPublicKey());
            assertThat(issued.getSubjectAlternativeNames().stream().map(n -> (Object) n.get(1)).toList()).containsExactly((Object) "amt-7.lab");
            assertThat(issued.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
            assertThat(issued.getBasicConstraints()).isEqualTo(-1);
        }
    }

    @Test
    void anEncryptedPemKeyNeedsItsPassword() throws Exception {
        assertThat(RootImport.fromPem(text("root.pem"), text("root-key-encrypted.pem"), "Pem-Pa55".toCharArray()).key())
                .isNotNull();
        assertThatThrownBy(() -> RootImport.fromPem(text("root.pem"), text("root-key-encrypted.pem"),
                "wrong".toCharArray()))
                .isInstanceOf(GeneralSecurityException.class).hasMessage("the key's password is wrong");
    }

    @Test
    void aPkcs12FileOpensWithItsPasswordAndSaysWhenThePasswordIsWrong() throws Exception {
        RootImport.Root root = RootImport.fromPkcs12(bytes("root.p12"), "P12-Pa55".toCharArray());
        assertThat(root.certificate().getSubjectX500Principal().getName()).contains("CN=Imported Lab Root");
        assertThatThrownBy(() -> RootImport.fromPkcs12(bytes("root.p12"), "wrong".toCharArray()))
                .isInstanceOf(GeneralSecurityException.class).hasMessage("the PKCS#12 password is wrong");
        assertThatThrownBy(() -> RootImport.fromPkcs12(bytes("root.pem"), "P12-Pa55".toCharArray()))
                .isInstanceOf(IOException.class).hasMessageStartingWith("not a PKCS#12 file");
    }

    @Test
    void aRootThatIsNoCaOrExpiredOrNotTheKeysOwnIsRefusedAndNothingIsWritten() throws Exception {
        RootImport.Root good = RootImport.fromPem(text("root.pem"), text("root-key.pem"), new char[0]);
        RootImport.Root leaf = RootImport.fromPem(text("leaf.pem"), text("root-key.pem"), new char[0]);
        RootImport.Root expired = RootImport.fromPem(text("expired-root.pem"), text("expired-root-key.pem"), new char[0]);
        RootImport.Root mismatched = RootImport.fromPem(text("root.pem"), text("other-key.pem"), new char[0]);
        Path folder = dir.resolve("ca");
        assertThatThrownBy(() -> importInto(folder, leaf)).hasMessageContaining("not a CA certificate");
        assertThatThrownBy(() -> importInto(folder, expired)).hasMessageContaining("expired on 2021-01-01");
        assertThatThrownBy(() -> importInto(folder, mismatched)).hasMessageContaining("does not belong");
        assertThat(LabCaFolder.holdsCa(folder)).isFalse();
        importInto(folder, good);
        assertThat(LabCaFolder.holdsCa(folder)).isTrue();
        assertThatThrownBy(() -> importInto(folder, good)).hasMessageContaining("already exists");
    }

    @Test
    void aDeviceCertificateNeverOutlivesTheRoot() throws Exception {
        RootImport.Root good = RootImport.fromPem(text("root.pem"), text("root-key.pem"), new char[0]);
        var ca = importInto(dir.resolve("ca"), good);
        var device = KeyPairGenerator.getInstance("RSA");
        device.initialize(2048);
        X509Certificate issued = ca.issueDeviceCertificate(device.generateKeyPair().getPublic(), "amt", List.of("amt"),
                Duration.ofDays(365 * 100));
        assertThat(issued.getNotAfter()).isBeforeOrEqualTo(good.certificate().getNotAfter());
    }

    private LabCertificateAuthority importInto(Path folder, RootImport.Root root) throws Exception {
        return LabCertificateAuthority.importRoot(folder, root.certificate(), root.key(), "p".toCharArray());
    }

    private static String text(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = RootImportTest.class.getResourceAsStream("/ca-import/" + name)) {
            return in.readAllBytes();
        }
    }
}
