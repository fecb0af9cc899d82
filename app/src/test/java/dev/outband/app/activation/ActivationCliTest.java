package dev.outband.app.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.cli.Cli;
import dev.outband.app.cli.CliContext;
import dev.outband.app.cli.ExitCode;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.wsman.tls.Certificates;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outband profiles …} and {@code outband activate serve} as a technician runs them: the server prints its
 * address, fingerprint and the rpc-go line, and a client following that line activates a device.
 */
@Timeout(120)
class ActivationCliTest {
    @TempDir
    Path home;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err)));
    }

    @Test
    void profilesAreAddedListedWithoutSecretsAndRemoved() throws Exception {
        Path password = Files.writeString(home.resolve("pw"), ActivationServerTest.ADMIN_PASSWORD + "\n");

        assertThat(run("profiles", "add", "lab-ccm", "--mode", "ccm", "--password-file", password.toString(), "--tls",
                "--call-home", "192.168.1.20", "--no-ider")).isEqualTo(ExitCode.OK);
        assertThat(run("profiles", "add", "gen", "--mode", "ccm", "--network", "static")).isEqualTo(ExitCode.OK);
        assertThat(run("profiles", "add", "bad", "--mode", "acm")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("admin control mode needs a provisioning certificate");
        assertThat(run("profiles", "add", "bad", "--mode", "xcm")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("--mode is one of [ccm, acm], not xcm");
        out.getBuffer().setLength(0);

        assertThat(run("profiles", "list")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).containsPattern("lab-ccm +CCM +given +yes +192\\.168\\.1\\.20:4433 +all +KVM,SOL +dhcp")
                .containsPattern("gen +CCM +generated +no +- +all +KVM,SOL,IDE-R +static")
                .doesNotContain(ActivationServerTest.ADMIN_PASSWORD);
        assertThat(run("profiles", "remove", "LAB-CCM")).isEqualTo(ExitCode.OK);
        assertThat(run("profiles", "remove", "lab-ccm")).isEqualTo(ExitCode.USER_ERROR);
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            assertThat(store.profiles().findAll()).extracting(p -> p.name()).containsExactly("gen");
        }
    }

    @Test
    void serveNeedsAKeyOrSaysItRunsWithout() {
        assertThat(run("activate", "serve", "--port", "0")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("--api-key-file FILE, or run with --no-api-key");
    }

    @Test
    void servePrintsTheLineToRunAndAClientFollowingItActivatesADevice() throws Exception {
        Path password = Files.writeString(home.resolve("pw"), ActivationServerTest.ADMIN_PASSWORD + "\n");
        Path key = Files.writeString(home.resolve("key"), ActivationServerTest.API_KEY + "\n");
        assertThat(run("ca", "create")).isEqualTo(ExitCode.OK);
        assertThat(run("ca", "export", home.resolve("root.pem").toString())).isEqualTo(ExitCode.OK);
        assertThat(run("profiles", "add", "lab-ccm", "--mode", "ccm", "--password-file", password.toString()))
                .isEqualTo(ExitCode.OK);
        X509Certificate root;
        try (var in = Files.newInputStream(home.resolve("root.pem"))) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        Thread serving = Thread.ofPlatform().name("activate-serve-test").start(() -> run("activate", "serve",
                "--address", "127.0.0.1", "--port", "0", "--host", "127.0.0.1", "--api-key-file", key.toString(),
                "--settle-seconds", "0"));
        Pattern line = Pattern.compile("rpc activate -u (wss://127\\.0\\.0\\.1:\\d+/activate)\\?key=<API key> --profile lab-ccm");
        Matcher found = null;
        for (int i = 0; i < 300 && found == null; i++) {
            Matcher m = line.matcher(out.toString());
            found = m.find() ? m : null;
            Thread.sleep(100);
        }
        assertThat(found).as(out + "" + err).isNotNull();
        Matcher fingerprint = Pattern.compile("Certificate SHA-256 ([0-9A-F:]{95})").matcher(out.toString());
        assertThat(fingerprint.find()).as(out.toString()).isTrue();

        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(found.group(1) + "?key=" + ActivationServerTest.API_KEY);
            client.send(RpcTestClient.message("activate --profile lab-ccm", RpcTestClient.payload(0).toString())
                    .toString());
            assertThat(client.run(amt::answer).method()).isEqualTo("success");
            assertThat(Certificates.sha256(client.serverCertificate()).replace(":", ""))
                    .isEqualToIgnoringCase(fingerprint.group(1).replace(":", ""));
        }
        for (int i = 0; i < 50 && !out.toString().contains("done "); i++) {
            Thread.sleep(100);
        }
        assertThat(out.toString()).containsPattern("done +lab-pc-7 +" + RpcTestClient.UUID + " +Client control mode\\.");
        serving.interrupt();
        serving.join(Duration.ofSeconds(20));
        assertThat(serving.isAlive()).isFalse();
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device device = store.devices().findByName("lab-pc-7").orElseThrow();
            assertThat(device.password().reveal()).isEqualTo(ActivationServerTest.ADMIN_PASSWORD);
        }
    }
}
