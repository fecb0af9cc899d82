package dev.outband.cira.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(30)
class CiraListenCommandTest {
    @TempDir
    Path folder;

    @Test
    void withoutAnyCredentialsTheCommandRefusesToStart() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CiraListenCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("--port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--device-credentials");
    }

    @Test
    void aCredentialsFileOthersMayReadIsRefused() throws Exception {
        Path credentials = Files.writeString(folder.resolve("devices.csv"),
                "4c4c4544-0035-5910-8030-c4c04f4a4432,cira-4c4c4544,S3cret\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CiraListenCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("--port", "0", "--bind", "127.0.0.1", "--device-credentials", credentials.toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("owner only").doesNotContain("S3cret");
    }

    @Test
    void theGeneratedCertificateIsAServerCertificateForTheNamesGiven() throws Exception {
        Path credentials = Files.writeString(folder.resolve("devices.csv"),
                "# uuid,user,password\n4c4c4544-0035-5910-8030-c4c04f4a4432,cira-4c4c4544,S3cret\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        CiraListenCommand command = new CiraListenCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0",
                "--bind", "127.0.0.1", "--device-credentials", credentials.toString(), "--name", "lab-laptop.example",
                "--name", "192.0.2.7"));
        int port = awaitPort(out);

        X509Certificate served;
        try (SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
        command.stop();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(served.getBasicConstraints()).isEqualTo(-1);
        assertThat(served.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList())
                .containsExactly("lab-laptop.example", "192.0.2.7");
    }

    @Test
    void withoutAPasswordFileTheCommandRefusesToStart() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CiraListenCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("--user", "admin");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--password-file");
    }

    @Test
    void theCommandServesTlsUntilStoppedAndNeverPrintsThePassword() throws Exception {
        Path password = Files.writeString(folder.resolve("cira.pw"), "Sup3r-Secret\n");
        CiraListenCommand command = new CiraListenCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0",
                "--bind", "127.0.0.1", "--user", "admin", "--password-file", password.toString(), "--name", "localhost"));
        int port = awaitPort(out);

        try (SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
        }
        command.stop();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("connection from").doesNotContain("Sup3r-Secret");
    }

    private static int awaitPort(StringWriter out) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("port (\\d+)").matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the listener never said its port: " + out);
    }

    /** The test only checks that TLS is served; certificate checks are the CA tests' job. */
    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }

            public void checkServerTrusted(X509Certificate[] chain, String authType) { }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
