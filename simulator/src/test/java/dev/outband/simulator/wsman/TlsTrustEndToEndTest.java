package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.TrustPolicy;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TlsTrustEndToEndTest {
    private static DeviceCertificates.Issued labCa;
    private static DeviceCertificates.Issued deviceCert;
    private static VirtualDevice device;
    private static DevicePorts ports;

    @BeforeAll
    static void start() throws Exception {
        labCa = DeviceCertificates.authority("Outband Test CA");
        deviceCert = DeviceCertificates.device(labCa, "127.0.0.1");
        device = new VirtualDevice(DeviceConfig.of("tls-1", "admin", "P@ssw0rd!"));
        ports = DevicePorts.open(device, 0, 0, DeviceCertificates.serverSocketFactory(deviceCert));
    }

    @AfterAll
    static void stop() throws Exception {
        ports.close();
    }

    private static AmtClient client(String host, TrustPolicy trust) {
        return AmtClient.connect(DeviceEndpoint.tls(host, ports.tlsPort(), device.credentials(), trust));
    }

    @Test
    void aCertificateFromTheTrustedCaNamingTheHostIsAccepted() throws Exception {
        assertThat(client("127.0.0.1", new TrustPolicy.TrustedRoots(List.of(labCa.certificate())))
                .power().status().isOn()).isTrue();
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedAsUntrustedRoot() throws Exception {
        var otherCa = DeviceCertificates.authority("Someone Else CA");
        assertThatThrownBy(() -> client("127.0.0.1", new TrustPolicy.TrustedRoots(List.of(otherCa.certificate())))
                .power().status())
                .isInstanceOf(WsmanException.UntrustedRoot.class)
                .hasMessage("AMT root certificate does not match the trusted CA");
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsASubjectMismatch() {
        // "localhost" reaches the same port, but the certificate names only 127.0.0.1.
        assertThatThrownBy(() -> client("localhost", new TrustPolicy.TrustedRoots(List.of(labCa.certificate())))
                .power().status())
                .isInstanceOf(WsmanException.SubjectMismatch.class)
                .hasMessageStartingWith("FQDN/IP does not match AMT certificate subject");
    }

    @Test
    void anUnknownCertificateCarriesItsFingerprintAndOnceAcceptedIsPinned() throws Exception {
        String expected = Certificates.sha256(deviceCert.certificate());
        WsmanException.UnknownCertificate unknown = org.junit.jupiter.api.Assertions.assertThrows(
                WsmanException.UnknownCertificate.class,
                () -> client("127.0.0.1", new TrustPolicy.FirstUse()).power().status());
        assertThat(unknown.sha256()).isEqualTo(expected);
        assertThat(unknown.subject()).isEqualTo("CN=127.0.0.1");

        assertThat(client("127.0.0.1", new TrustPolicy.Pinned(unknown.sha256())).power().status().isOn()).isTrue();
    }

    @Test
    void aPinForAnotherCertificateIsRefused() {
        assertThatThrownBy(() -> client("127.0.0.1", new TrustPolicy.Pinned("00".repeat(32))).power().status())
                .isInstanceOf(WsmanException.UnknownCertificate.class);
    }
}
