package dev.outband.app.cli;

import dev.outband.app.store.DataFolder;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.WrongMasterPasswordException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import dev.outband.app.amt.CiraTunnels;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.remote.RemoteSettings;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.store.RemoteSource;
import java.time.Clock;
import java.util.List;

/**
 * What a command may touch outside itself: environment (for the data folder and master password file),
 * standard input and the two output streams. Tests pass their own. {@code owner} is null for a command that opens
 * the store itself; a command the store's owner runs for another process ({@link OwnerDoor}) uses the owner's.
 */
public record CliContext(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
                         DeviceConnections.Ports ports, Owner owner) {
    static final String MASTER_PASSWORD_FILE = "OUTBAND_MASTER_PASSWORD_FILE";

    /**
     * The process that holds the store (the console, {@code outband cira serve}) running a command for another:
     * its open store, its CIRA listener, and the asking command's working folder, against which paths resolve.
     */
    public record Owner(DeviceStore store, CiraTunnels tunnels, Path workingFolder) {
    }

    /** Devices are reached on AMT's own ports. */
    public CliContext(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err) {
        this(env, in, out, err, DeviceConnections.AMT_PORTS);
    }

    /** A command of this process, reaching devices with {@code ports}. */
    public CliContext(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
                      DeviceConnections.Ports ports) {
        this(env, in, out, err, ports, null);
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), System.in,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    public Path dataFolder() {
        return DataFolder.resolve(env, System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** How stored devices are reached from the CLI: the port plan, and the lab root trusted besides the JVM's. */
    public DeviceConnections connections() {
        CiraTunnels tunnels = owner == null ? CiraTunnels.NONE : owner.tunnels();
        return new DeviceConnections(ports, tunnels).trusting(LabAuthority.trustedRoots(dataFolder()));
    }

    /** A path the user typed, relative to the folder the command was started in. */
    public Path resolve(Path typed) {
        return owner == null ? typed : owner.workingFolder().resolve(typed);
    }

    /** Remote MPS / DMT Console sources (as the store listed them), a lab source trusting this data folder's lab root. */
    public RemoteSources remoteSources(List<RemoteSource> sources) {
        return new RemoteSources(() -> sources, LabAuthority.trustedRoots(dataFolder()), RemoteSettings.defaults(),
                Clock.systemUTC());
    }

    /** Opens the store; a protected one is opened with the master password file, else a console prompt. */
    public DeviceStore openStore() throws IOException, UserException {
        return openStore(this::masterPassword);
    }

    DeviceStore openStore(Supplier<char[]> masterPassword) throws IOException, UserException {
        if (owner != null) {
            return owner.store().borrowed();
        }
        try {
            return DeviceStore.open(dataFolder(), masterPassword);
        } catch (WrongMasterPasswordException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The master password from {@value #MASTER_PASSWORD_FILE}, else asked on the terminal; null when neither. */
    char[] masterPassword() {
        String file = env.get(MASTER_PASSWORD_FILE);
        if (file != null && !file.isBlank()) {
            try {
                return firstLine(Files.readString(Path.of(file), StandardCharsets.UTF_8)).toCharArray();
            } catch (IOException e) {
                return null;
            }
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Master password: ");
    }

    /** One line from standard input (a password piped in). */
    String readStdinLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
