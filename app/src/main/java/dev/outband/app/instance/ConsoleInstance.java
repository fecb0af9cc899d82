package dev.outband.app.instance;

import dev.outband.app.store.DataFolder;
import dev.outband.app.store.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One console per data folder. The first console holds an OS lock on {@value #LOCK_FILE} for its lifetime and
 * listens on an ephemeral loopback port; {@value #DOOR_FILE} (owner-only, in the owner-only data folder) holds
 * that port and a random token. A later start that finds the lock taken sends "show TOKEN" and exits: only a
 * process that can read the user's data folder can ask, and users never clash over a fixed port.
 */
public final class ConsoleInstance implements AutoCloseable {
    static final String LOCK_FILE = "console.lock";
    static final String DOOR_FILE = "console.door";
    private static final String SHOW = "show ";
    private static final String SHOWN = "shown";

    private final Path folder;
    private final InstanceSettings settings;
    private final FileChannel channel;
    private final FileLock lock;
    private ServerSocket server;

    private ConsoleInstance(Path folder, InstanceSettings settings, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.settings = settings;
        this.channel = channel;
        this.lock = lock;
    }

    /** Makes this process the folder's console; empty when another console has it. */
    public static Optional<ConsoleInstance> claim(Path folder, InstanceSettings settings) throws IOException {
        DataFolder.ensureExists(folder);
        Path file = folder.resolve(LOCK_FILE);
        if (!Files.exists(file)) {
            PrivateFiles.write(file, new byte[0]);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new ConsoleInstance(folder, settings, channel, lock));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Null when another process, or this one, holds the lock already. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException thisProcess) {
            return null;
        }
    }

    /** Opens the door: {@code show} runs (on a background thread) each time a later start asks for the window. */
    public void serve(Runnable show) throws IOException {
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        String expected = HexFormat.of().formatHex(token);
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        PrivateFiles.write(folder.resolve(DOOR_FILE),
                (server.getLocalPort() + "\n" + expected + "\n").getBytes(StandardCharsets.US_ASCII));
        Thread.ofVirtual().name("console-door").start(() -> acceptAll(expected, show));
    }

    private void acceptAll(String expected, Runnable show) {
        while (!server.isClosed()) {
            try {
                Socket peer = server.accept();
                Thread.ofVirtual().name("console-door-peer").start(() -> answer(peer, expected, show));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket peer, String expected, Runnable show) {
        try (peer) {
            peer.setSoTimeout((int) settings.answer().toMillis());
            String line = readLine(peer.getInputStream(), settings.maxLine());
            boolean known = line.startsWith(SHOW) && MessageDigest.isEqual(
                    line.substring(SHOW.length()).getBytes(StandardCharsets.US_ASCII),
                    expected.getBytes(StandardCharsets.US_ASCII));
            if (known) {
                show.run();
            }
            send(peer.getOutputStream(), known ? SHOWN : "refused");
        } catch (IOException unreadable) {
            // A peer that says nothing useful in time gets nothing; the door stays open for the next.
        }
    }

    /**
     * Asks the console that holds the folder to show its window. It may have taken the lock and not yet opened its
     * door, so this tries until {@link InstanceSettings#findRunning()}. True when the console said it did.
     */
    public static boolean showRunning(Path folder, InstanceSettings settings) throws InterruptedException {
        long deadline = System.nanoTime() + settings.findRunning().toNanos();
        do {
            try {
                String[] door = Files.readString(folder.resolve(DOOR_FILE), StandardCharsets.US_ASCII).split("\n");
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(door[0].strip())),
                            (int) settings.answer().toMillis());
                    socket.setSoTimeout((int) settings.answer().toMillis());
                    send(socket.getOutputStream(), SHOW + door[1].strip());
                    if (SHOWN.equals(readLine(socket.getInputStream(), settings.maxLine()))) {
                        return true;
                    }
                }
            } catch (IOException | RuntimeException notYet) {
                // No door yet, or an old one of a console that has since ended: try again until the deadline.
            }
            Thread.sleep(settings.retry());
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line of at most {@code limit} bytes; longer or unterminated lines are refused. */
    static String readLine(InputStream in, int limit) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.length() >= limit) {
                throw new IOException("no line within " + limit + " bytes");
            }
            line.append((char) b);
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
            Files.deleteIfExists(folder.resolve(DOOR_FILE));
        }
        lock.release();
        channel.close();
    }
}
