package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.TlsMode;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code outband ca …}, {@code outband tls …} and {@code outband cira setup|remove} against a virtual device. */
@Timeout(120)
class LabCommandsTest {
    @TempDir
    Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("lab-3", "admin", "Sim-Passw0rd"));
    private DevicePorts ports;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void startDeviceAndStoreIt() throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        assertThat(run("Sim-Passw0rd", "devices", "add", "--name", "lab-3", "--host", "127.0.0.1", "--user", "admin",
                "--password-stdin")).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    @Test
    void aRootIsCreatedShownExportedAndRefusedASecondTime() throws Exception {
        assertThat(run("", "ca", "show")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("There is no lab CA yet: outband ca create");

        assertThat(run("", "ca", "create", "--name", "Bench lab")).isZero();
        assertThat(out.toString()).contains("CN=Bench lab").contains("SHA-256");
        assertThat(Files.readString(home.resolve("lab-ca/lab-root.key"))).contains("ENCRYPTED PRIVATE KEY");
        assertThat(home.resolve("lab-ca-passphrase.sealed")).exists();

        Path der = home.resolve("root.der");
        assertThat(run("", "ca", "export", der.toString(), "--der")).isZero();
        X509Certificate exported;
        try (InputStream in = Files.newInputStream(der)) {
            exported = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(exported.getSubjectX500Principal().getName()).isEqualTo("CN=Bench lab");
        assertThat(exported.getBasicConstraints()).isGreaterThanOrEqualTo(0);

        assertThat(run("", "ca", "create")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void tlsEnableSwitchesTheStoredDeviceAndCaShowListsTheCertificateItIssued() throws Exception {
        assertThat(run("", "tls", "enable", "lab-3")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(out.toString()).contains("lab-3").contains("FAILED at read the lab root: there is no lab CA yet");

        assertThat(run("", "ca", "create")).isZero();
        assertThat(run("", "tls", "enable", "lab-3", "--validity-days", "90")).isZero();
        assertThat(out.toString()).contains("ok: TLS on, certificate issued by the lab CA");
        assertThat(run("", "devices", "list", "--json")).isZero();
        assertThat(out.toString()).contains("\"tls\" : \"" + TlsMode.VERIFY.name().toLowerCase() + "\"");
        assertThat(run("", "ca", "show")).isZero();
        assertThat(out.toString()).contains("issued    lab-3");

        assertThat(run("", "info", "lab-3")).isZero();
        assertThat(out.toString()).contains("amtVersion");

        assertThat(run("", "tls", "disable", "lab-3")).isZero();
        assertThat(out.toString()).contains("ok: TLS off");
    }

    @Test
    void ciraSetupGivesTheDeviceItsOwnAccountAndRemoveTakesItBack() throws Exception {
        assertThat(run("", "ca", "create")).isZero();
        assertThat(run("", "cira", "setup", "lab-3", "--address", "127.0.0.1", "--port", "4433")).isZero();
        assertThat(out.toString()).contains("ok: set up; it calls 127.0.0.1:4433 as " + device.uuid());
        assertThat(device.remoteAccess().servers()).singleElement().satisfies(server -> {
            assertThat(server.accessInfo()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isEqualTo(4433);
            assertThat(server.username()).hasSizeBetween(1, 16);
        });
        assertThat(device.remoteAccess().policies()).extracting(p -> p.trigger()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(device.remoteAccess().userInitiated()).isEqualTo(32771);
        assertThat(device.remoteAccess().inside()).isFalse();
        assertThat(home.resolve("cira-account-" + device.uuid() + ".sealed")).exists();

        assertThat(run("", "cira", "remove", "lab-3", "--address", "127.0.0.1")).isZero();
        assertThat(home.resolve("cira-account-" + device.uuid() + ".sealed")).doesNotExist();
        assertThat(device.remoteAccess().servers()).isEmpty();
        assertThat(device.remoteAccess().policies()).isEmpty();
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream((stdin + "\n").getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), DeviceConnections.Ports.of(
                        d -> d.tls() == TlsMode.NONE ? ports.httpPort() : ports.tlsPort(), d -> ports.kvmPort())));
    }
}
