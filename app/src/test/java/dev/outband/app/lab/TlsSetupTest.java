package dev.outband.app.lab;

import dev.outband.app.ca.LabAuthority;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.certificates.DeviceCertificate;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Turn TLS on with a lab certificate, end to end against a virtual device over real sockets: the device
 * makes the key, the lab CA signs, the device then serves that certificate on its TLS port, and the
 * console reaches it verifying the lab root (no pin); run again, replaced, off again; a device that
 * refuses a step half-way is left consistent and a second run finishes the job.
 */
@Timeout(120)
class TlsSetupTest {
    @TempDir
    Path home;

    private VirtualDevice virtual;
    private DevicePorts ports;
    private DeviceStore store;
    private LabAuthority ca;
    private TlsSetup setup;
    private DeviceConnections connections;

    @BeforeEach
    void oneDeviceAndALabRoot() throws Exception {
        virtual = new VirtualDevice(DeviceConfig.of("lab-1", "admin", "Sim-Passw0rd"));
        ports = DevicePorts.open(virtual, 0, 0, null);
        store = DeviceStore.open(home, () -> null);
        ca = new LabAuthority(home, store.secrets(), Clock.systemUTC());
        ca.create("Test lab root");
        connections = new DeviceConnections(DeviceConnections.Ports.of(
                d -> d.tls() == TlsMode.NONE ? ports.httpPort() : ports.tlsPort(), d -> ports.kvmPort()))
                .trusting(LabAuthority.trustedRoots(home));
        setup = new TlsSetup(connections, store.devices(), ca, Clock.systemUTC());
        store.devices().insert(Device.of("lab-1", "127.0.0.1").withCredentials("admin",
                store.devices().seal("Sim-Passw0rd")));
    }

    @AfterEach
    void close() throws IOException {
        ports.close();
        store.close();
    }

    @Test
    void tlsIsTurnedOnWithALabCertificateAndTheDeviceIsThenReachedVerifyingTheLabRoot() throws Exception {
        JobResult result = setup.enable(device(), TlsSetup.Options.defaults());

        assertThat(result.ok()).as(result.message()).isTrue();
        Device stored = device();
        assertThat(stored.tls()).isEqualTo(TlsMode.VERIFY);
        assertThat(stored.pinnedSha256()).isNull();
        X509Certificate served = servedCertificate(ports.tlsPort());
        served.verify(ca.root().orElseThrow().getPublicKey());
        assertThat(served.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
                .containsExactly("127.0.0.1");
        assertThat(served.getNotAfter().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(364)),
                Instant.now().plus(Duration.ofDays(366)));
        assertThat(connections.client(stored).identity().read().uuid()).isEqualTo(virtual.uuid());
        assertThat(ca.issued().all()).singleElement().satisfies(i -> {
            assertThat(i.device()).isEqualTo("lab-1");
            assertThat(i.serial()).isEqualTo(served.getSerialNumber().toString(16));
        });
        // TLS only: the plain port no longer serves WS-Man.
        assertThat(refused(() -> connections.client(stored.withTls(TlsMode.NONE, null)).identity().read())).isTrue();
    }

    @Test
    void runningAgainKeepsTheCertificateReplacingIssuesANewOneAndRemovesTheOldAndOffTurnsItOff() throws Exception {
        assertThat(setup.enable(device(), TlsSetup.Options.defaults()).ok()).isTrue();
        X509Certificate first = servedCertificate(ports.tlsPort());

        JobResult again = setup.enable(device(), TlsSetup.Options.defaults());
        assertThat(again.ok()).as(again.message()).isTrue();
        assertThat(again.message()).contains("already had");
        assertThat(servedCertificate(ports.tlsPort())).isEqualTo(first);
        assertThat(ca.issued().all()).hasSize(1);

        JobResult replaced = setup.enable(device(), TlsSetup.Options.defaults().withReplace(true));
        assertThat(replaced.ok()).as(replaced.message()).isTrue();
        X509Certificate second = servedCertificate(ports.tlsPort());
        assertThat(second).isNotEqualTo(first);
        List<DeviceCertificate> onDevice = connections.client(device()).certificates().certificates();
        assertThat(onDevice).extracting(DeviceCertificate::certificate).contains(second).doesNotContain(first);
        assertThat(virtual.certificates().keyPairs()).singleElement()
                .satisfies(k -> assertThat(k.keys().getPublic()).isEqualTo(second.getPublicKey()));

        JobResult off = setup.disable(device(), TlsSetup.Options.defaults());
        assertThat(off.ok()).as(off.message()).isTrue();
        assertThat(device().tls()).isEqualTo(TlsMode.NONE);
        assertThat(connections.client(device()).identity().read().uuid()).isEqualTo(virtual.uuid());
    }

    @Test
    void aDeviceThatRefusesAStepHalfWayStaysAsItWasAndASecondRunFinishesTheJob() throws Exception {
        List<String> fillers = fillCertificateStore();

        JobResult failed = setup.enable(device(), TlsSetup.Options.defaults());

        assertThat(failed.ok()).isFalse();
        assertThat(failed.message()).startsWith("add the certificate to the device: ").contains("Maximum limit reached");
        assertThat(device().tls()).isEqualTo(TlsMode.NONE);
        assertThat(connections.client(device()).identity().read().uuid()).isEqualTo(virtual.uuid());

        connections.client(device()).certificates().deleteCertificate(fillers.getFirst());
        JobResult finished = setup.enable(device(), TlsSetup.Options.defaults());
        assertThat(finished.ok()).as(finished.message()).isTrue();
        assertThat(device().tls()).isEqualTo(TlsMode.VERIFY);
        servedCertificate(ports.tlsPort()).verify(ca.root().orElseThrow().getPublicKey());
    }

    @Test
    void aDeviceReachedByANameItsCertificateDoesNotCarryIsRefusedInAmtsWords() throws Exception {
        assertThat(setup.enable(device(), TlsSetup.Options.defaults()).ok()).isTrue();
        Device renamed = store.devices().update(new Device(device().id(), "lab-1", "localhost", List.of(), "admin",
                device().password(), TlsMode.VERIFY, null, device().reach(), device().state()));

        JobResult again = setup.enable(renamed, TlsSetup.Options.defaults());

        assertThat(again.ok()).isFalse();
        assertThat(again.message()).isEqualTo(
                "connect: FQDN/IP does not match AMT certificate subject (localhost vs CN=127.0.0.1)");
        assertThat(device().tls()).isEqualTo(TlsMode.VERIFY);
    }

    @Test
    void withoutALabRootNothingIsTouchedAndTheFailureSaysWhatToDo() throws Exception {
        Path elsewhere = home.resolve("no-ca");
        TlsSetup noCa = new TlsSetup(connections, store.devices(),
                new LabAuthority(elsewhere, store.secrets(), Clock.systemUTC()), Clock.systemUTC());

        JobResult result = noCa.enable(device(), TlsSetup.Options.defaults());

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).isEqualTo("read the lab root: there is no lab CA yet: create one (Certificates, or outband ca create)");
        assertThat(virtual.certificates().keyPairs()).isEmpty();
    }

    private Device device() {
        return store.devices().findByName("lab-1").orElseThrow();
    }

    /** Fills the device's certificate store with trusted roots up to its limit; returns their handles. */
    private List<String> fillCertificateStore() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        java.util.ArrayList<String> handles = new java.util.ArrayList<>();
        for (int i = 0; ; i++) {
            X500Name name = new X500Name("CN=Filler root " + i);
            X509Certificate root = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.valueOf(i + 1), Date.from(Instant.now().minusSeconds(60)),
                    Date.from(Instant.now().plus(Duration.ofDays(30))), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            var added = virtual.certificates().addTrustedRoot(Base64.getEncoder().encodeToString(root.getEncoded()));
            if (added.returnValue() != 0) {
                return handles;
            }
            handles.add(added.instanceId());
        }
    }

    /** The certificate the port presents, read with a trust-nothing-checked handshake: the test inspects it. */
    private static X509Certificate servedCertificate(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
                SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true)) {
            tls.setSoTimeout(10_000);
            tls.startHandshake();
            return (X509Certificate) tls.getSession().getPeerCertificates()[0];
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private static boolean refused(Call call) {
        try {
            call.run();
            return false;
        } catch (WsmanException.Unreachable | WsmanException.NetworkTimeout | WsmanException.MalformedReply e) {
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
