package dev.outband.app.cli;

import dev.outband.app.amt.CiraTunnels;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.PrivateFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The store owner's door for commands. One process holds the store (its H2 file and its key), and while the console
 * or {@code outband cira serve} holds it, it also holds the CIRA tunnels; a command started beside it asks it here
 * to run {@code devices list}, {@code info}, {@code power} or {@code kvm screenshot} in its place, with the same
 * output and exit code. The door listens on an ephemeral loopback port; {@value #DOOR_FILE} (owner-only, in the
 * owner-only data folder) holds the port and a random token, so only a process that can read the user's data folder
 * can ask. Commands that change the store's set-up are not run for another process.
 */
public final class OwnerDoor implements AutoCloseable {
    static final String DOOR_FILE = "command.door";
    /** What a store owner runs for another process: reading devices and acting on them. */
    private static final List<List<String>> FORWARDED = List.of(List.of("devices", "list"), List.of("info"),
            List.of("power"), List.of("kvm", "screenshot"));

    private final Path file;
    private final ServerSocket server;
    private final String door;
    private final Map<String, String> env;
    private final DeviceStore store;
    private final CiraTunnels tunnels;
    private final DoorSettings settings;

    private OwnerDoor(Path file, ServerSocket server, String door, Map<String, String> env, DeviceStore store,
                      CiraTunnels tunnels, DoorSettings settings) {
        this.file = file;
        this.server = server;
        this.door = door;
        this.env = env;
        this.store = store;
        this.tunnels = tunnels;
        this.settings = settings;
    }

    /** Opens the door of the process that holds {@code store}; commands run with {@code env} and its CIRA tunnels. */
    public static OwnerDoor open(DeviceStore store, CiraTunnels tunnels, Map<String, String> env, DoorSettings settings)
            throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String door = server.getLocalPort() + "\n" + HexFormat.of().formatHex(secret) + "\n";
            Path file = store.folder().resolve(DOOR_FILE);
            PrivateFiles.write(file, door.getBytes(StandardCharsets.US_ASCII));
            OwnerDoor opened = new OwnerDoor(file, server, door, Map.copyOf(env), store, tunnels, settings);
            Thread.ofVirtual().name("owner-door").start(opened::acceptAll);
            return opened;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** True when another process may ask the store's owner to run this command line. */
    static boolean forwarded(List<String> args) {
        return FORWARDED.stream().anyMatch(command -> args.size() >= command.size()
                && args.subList(0, command.size()).equals(command));
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket peer = server.accept();
                Thread.ofVirtual().name("owner-door-peer").start(() -> answer(peer));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket peer) {
        try (peer) {
            peer.setSoTimeout((int) settings.request().toMillis());
            InputStream in = new BufferedInputStream(peer.getInputStream());
            OutputStream out = peer.getOutputStream();
            Request request = request(in);
            if (request == null) {
                return;
            }
            if (!forwarded(request.args())) {
                synchronized (out) {
                    DoorFrames.write(out, DoorFrames.ERR, ("outband: the process that holds the store runs only "
                            + "devices list, info, power and kvm screenshot for another\n").getBytes(StandardCharsets.UTF_8));
                    DoorFrames.write(out, DoorFrames.EXIT, ByteBuffer.allocate(4).putInt(ExitCode.STORE_IN_USE).array());
                }
                return;
            }
            // The asker may stay silent while the command waits on devices or on its user typing a consent code.
            peer.setSoTimeout((int) settings.silence().toMillis());
            run(request, in, out);
        } catch (IOException gone) {
            // A peer that leaves, or says nothing useful in time, gets nothing; the door stays open for the next.
        }
    }

    private record Request(Path workingFolder, List<String> args) {
    }

    /** The request after a valid token; null when the token is wrong or the request malformed. */
    private Request request(InputStream in) throws IOException {
        DoorFrames.Frame token = DoorFrames.read(in, settings.maxFrame());
        String expected = door.substring(door.indexOf('\n') + 1).strip();
        if (token.type() != DoorFrames.TOKEN
                || !MessageDigest.isEqual(token.body(), expected.getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        DoorFrames.Frame folder = DoorFrames.read(in, settings.maxFrame());
        Path workingFolder = Path.of(new String(folder.body(), StandardCharsets.UTF_8));
        if (folder.type() != DoorFrames.WORKING_FOLDER || !workingFolder.isAbsolute()) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (DoorFrames.Frame f = DoorFrames.read(in, settings.maxFrame()); f.type() != DoorFrames.RUN;
             f = DoorFrames.read(in, settings.maxFrame())) {
            if (f.type() != DoorFrames.ARG || args.size() >= settings.maxArgs()) {
                return null;
            }
            args.add(new String(f.body(), StandardCharsets.UTF_8));
        }
        return new Request(workingFolder, List.copyOf(args));
    }

    /** Runs the command on its own thread while this one feeds it the asker's standard input. */
    private void run(Request request, InputStream in, OutputStream out) throws IOException {
        PipedInputStream input = new PipedInputStream(settings.maxFrame());
        PipedOutputStream feed = new PipedOutputStream(input);
        CliContext ctx = new CliContext(env, input, writer(out, DoorFrames.OUT), writer(out, DoorFrames.ERR),
                DeviceConnections.AMT_PORTS, new CliContext.Owner(store, tunnels, request.workingFolder()));
        Thread command = Thread.ofVirtual().name("owner-door-command").start(() -> {
            int code = Cli.run(request.args().toArray(String[]::new), ctx);
            try {
                synchronized (out) {
                    DoorFrames.write(out, DoorFrames.EXIT, ByteBuffer.allocate(4).putInt(code).array());
                }
            } catch (IOException gone) {
                // The asker left; the command's work is done and recorded anyway.
            }
        });
        // Reads until the asker closes the door: it does once it has the exit code, or when it is stopped early.
        boolean inputOpen = true;
        try {
            while (true) {
                DoorFrames.Frame f = DoorFrames.read(in, settings.maxFrame());
                if (inputOpen && f.type() == DoorFrames.INPUT) {
                    feed.write(f.body());
                    feed.flush();
                } else if (inputOpen && f.type() == DoorFrames.INPUT_END) {
                    feed.close();
                    inputOpen = false;
                } else {
                    throw new IOException("unexpected door frame " + f.type());
                }
            }
        } catch (IOException askerGone) {
            feed.close();
            command.interrupt();
        }
        try {
            command.join();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the command writes, sent as frames of one type as it is flushed. */
    private PrintWriter writer(OutputStream socket, byte type) {
        OutputStream frames = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int offset, int length) throws IOException {
                for (int at = offset; at < offset + length; at += settings.maxFrame()) {
                    synchronized (socket) {
                        DoorFrames.write(socket, type, b, at, Math.min(settings.maxFrame(), offset + length - at));
                    }
                }
            }
        };
        return new PrintWriter(new OutputStreamWriter(frames, StandardCharsets.UTF_8), true);
    }

    @Override
    public void close() throws IOException {
        server.close();
        // A newer owner's door stays.
        if (Files.exists(file) && Files.readString(file, StandardCharsets.US_ASCII).equals(door)) {
            Files.delete(file);
        }
    }
}
