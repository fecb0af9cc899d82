package dev.outband.cira.cli;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.ca.LabCaFolder;
import dev.outband.cira.ca.LabCertificateAuthority;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEvents;
import dev.outband.cira.listener.CiraCredentialCheck;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
import dev.outband.cira.listener.CiraListener;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.cira.listener.ServerIdentity;
import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.LegacyTls;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outband cira listen}: runs the CIRA listener headless and prints what devices do. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Run the local CIRA listener (a mini MPS) until interrupted.")
public final class CiraListenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TLS port devices connect to (default: ${DEFAULT-VALUE}).")
    int port = ListenerSettings.DEFAULT_PORT;

    @Option(names = "--bind", description = "Address to listen on (default: all).")
    InetAddress bind;

    @Option(names = "--device-credentials",
            description = "Per-device CIRA credentials, one UUID,USER,PASSWORD per line, owner-readable only.")
    Path deviceCredentials;

    @Option(names = "--user", description = "Lab-wide CIRA user, for devices without credentials of their own.")
    String user;

    @Option(names = "--password-file",
            description = "File holding the lab-wide CIRA password (first line); never given on the command line.")
    Path passwordFile;

    @Option(names = "--name", description = "Host name or IP the certificate names (repeatable).")
    List<String> names = new ArrayList<>();

    @Option(names = "--ca-folder", description = "Lab CA folder; its root signs the listener certificate.")
    Path caFolder;

    @Option(names = "--ca-passphrase-file", description = "File holding the lab CA passphrase (first line).")
    Path caPassphraseFile;

    @Option(names = "--legacy-tls", description = "Also accept TLS 1.0/1.1 and RSA key exchange (old AMT firmware).")
    boolean legacyTls;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws IOException, GeneralSecurityException, InterruptedException {
        if (legacyTls) {
            // Nothing in this process has used TLS yet, so lifting the JDK's ban still takes effect.
            LegacyTls.allowInThisJvm();
        }
        PrintWriter out = spec.commandLine().getOut();
        CiraCredentialCheck check = credentialCheck();
        List<String> certificateNames = names.isEmpty() ? defaultNames() : names;
        ListenerSettings settings = ListenerSettings.defaults().withPort(port).withBindAddress(bind)
                .withLegacyTls(legacyTls).withCertificateNames(certificateNames);
        ServerIdentity identity = identity(certificateNames);
        try (CiraListener listener = CiraListener.start(settings, identity, check);
             CiraEvents.Subscription subscription = listener.subscribe(event -> print(out, event))) {
            Thread hook = new Thread(stop::countDown, "cira-listen-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("CIRA listener on port %d; Ctrl+C stops it.%n", listener.port());
            out.printf("Certificate SHA-256 %s%n", Certificates.sha256(identity.certificate()));
            out.flush();
            stop.await();
            Runtime.getRuntime().removeShutdownHook(hook);
            out.printf("Stopping; %d device(s) were connected.%n", listener.connectedDevices().size());
        }
        return 0;
    }

    /** Ends {@link #call()}; for embedding (the console, tests). */
    public void stop() {
        stop.countDown();
    }

    /**
     * Per-device credentials when given; the lab-wide user and password only when asked for, and then
     * only for devices without credentials of their own.
     */
    private CiraCredentialCheck credentialCheck() throws IOException {
        if ((user == null) != (passwordFile == null)) {
            throw new ParameterException(spec.commandLine(), "--user and --password-file go together");
        }
        if (deviceCredentials == null && user == null) {
            throw new ParameterException(spec.commandLine(),
                    "give --device-credentials, or --user and --password-file for one lab-wide password");
        }
        Map<DeviceUuid, CiraCredential> perDevice = deviceCredentials == null ? Map.of()
                : DeviceCredentialsFile.read(deviceCredentials);
        if (user == null) {
            return CiraCredentialCheck.perDevice(perDevice);
        }
        byte[] password = firstLine(passwordFile).getBytes(StandardCharsets.UTF_8);
        try {
            return CiraCredentialCheck.perDeviceThenLabWide(perDevice, user, password);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private ServerIdentity identity(List<String> certificateNames) throws IOException, GeneralSecurityException {
        if (caFolder != null && LabCaFolder.holdsCa(caFolder)) {
            if (caPassphraseFile == null) {
                throw new IOException("--ca-passphrase-file is needed to use the lab CA in " + caFolder);
            }
            char[] passphrase = firstLine(caPassphraseFile).toCharArray();
            try {
                return LabCertificateAuthority.load(caFolder, passphrase).issueListenerIdentity("Outband CIRA listener",
                        certificateNames);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        return LabCertificateAuthority.selfSignedIdentity("Outband CIRA listener", certificateNames);
    }

    private static List<String> defaultNames() throws IOException {
        InetAddress local = InetAddress.getLocalHost();
        return List.of(local.getHostName(), local.getHostAddress(), "localhost", "127.0.0.1");
    }

    private static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    }

    private static void print(PrintWriter out, CiraEvent event) {
        String line = switch (event) {
            case CiraEvent.Connected e -> "connection from " + e.remote();
            case CiraEvent.Authenticated e -> "device " + e.device() + " authenticated as " + e.user() + " from "
                    + e.remote();
            case CiraEvent.PortsForwarded e -> "device " + e.device() + " forwards ports " + e.ports();
            case CiraEvent.ChannelOpened e -> "device " + e.device() + " channel " + e.channel() + " to port "
                    + e.port() + " opened";
            case CiraEvent.ChannelClosed e -> "device " + e.device() + " channel " + e.channel() + " closed";
            case CiraEvent.Disconnected e -> "device " + (e.device() == null ? e.remote() : e.device())
                    + " disconnected: " + e.reason() + " (" + e.detail() + ")";
            case CiraEvent.KeepAlive e -> null;
        };
        if (line != null) {
            out.printf("%s %s%n", event.at(), line);
            out.flush();
        }
    }
}
