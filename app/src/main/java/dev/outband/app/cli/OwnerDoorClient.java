package dev.outband.app.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * A command's side of {@link OwnerDoor}: when the store's owner has its door open, the command line is sent there
 * and its output, its exit code and (for a consent code) this process's standard input pass through.
 */
final class OwnerDoorClient {
    private OwnerDoorClient() {
    }

    /** The exit code of the command as the owner ran it; empty when no owner answers (the command runs here). */
    static OptionalInt forward(String[] args, CliContext ctx, DoorSettings settings) {
        if (!OwnerDoor.forwarded(List.of(args))) {
            return OptionalInt.empty();
        }
        String[] door;
        try {
            door = Files.readString(ctx.dataFolder().resolve(OwnerDoor.DOOR_FILE), StandardCharsets.US_ASCII).split("\n");
        } catch (IOException noDoor) {
            return OptionalInt.empty();
        }
        if (door.length < 2) {
            return OptionalInt.empty();
        }
        Socket socket = new Socket();
        try (socket) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(door[0].strip())),
                    (int) settings.connect().toMillis());
            socket.setSoTimeout((int) settings.silence().toMillis());
            return exchange(socket, door[1].strip(), args, ctx, settings);
        } catch (IOException | NumberFormatException noOwner) {
            // An old door of an owner that has since ended: nobody holds the store, the command opens it itself.
            return OptionalInt.empty();
        }
    }

    private static OptionalInt exchange(Socket socket, String token, String[] args, CliContext ctx,
                                        DoorSettings settings) throws IOException {
        OutputStream out = socket.getOutputStream();
        DoorFrames.write(out, DoorFrames.TOKEN, token.getBytes(StandardCharsets.US_ASCII));
        DoorFrames.write(out, DoorFrames.WORKING_FOLDER,
                Path.of("").toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            DoorFrames.write(out, DoorFrames.ARG, arg.getBytes(StandardCharsets.UTF_8));
        }
        DoorFrames.write(out, DoorFrames.RUN, new byte[0]);
        Thread input = Thread.ofVirtual().name("owner-door-input").start(() -> sendInput(ctx.in(), out, settings));
        InputStream in = new BufferedInputStream(socket.getInputStream());
        boolean answered = false;
        try {
            while (true) {
                DoorFrames.Frame f = DoorFrames.read(in, settings.maxFrame());
                answered = true;
                switch (f.type()) {
                    case DoorFrames.OUT -> {
                        ctx.out().write(new String(f.body(), StandardCharsets.UTF_8));
                        ctx.out().flush();
                    }
                    case DoorFrames.ERR -> {
                        ctx.err().write(new String(f.body(), StandardCharsets.UTF_8));
                        ctx.err().flush();
                    }
                    case DoorFrames.EXIT -> {
                        return OptionalInt.of(ByteBuffer.wrap(f.body()).getInt());
                    }
                    default -> throw new IOException("unexpected door frame " + f.type());
                }
            }
        } catch (IOException lost) {
            if (!answered) {
                // A wrong token is answered by a closed door: this is not the store's owner.
                return OptionalInt.empty();
            }
            ctx.err().println("outband: the process that holds the device store ended before the command did: " + lost.getMessage());
            return OptionalInt.of(ExitCode.USER_ERROR);
        } finally {
            input.interrupt();
        }
    }

    /** Standard input to the owner, for a command that asks (a consent code); stops when the command ends. */
    private static void sendInput(InputStream in, OutputStream out, DoorSettings settings) {
        byte[] buffer = new byte[Math.min(4096, settings.maxFrame())];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (out) {
                    DoorFrames.write(out, DoorFrames.INPUT, buffer, 0, n);
                }
            }
            synchronized (out) {
                DoorFrames.write(out, DoorFrames.INPUT_END, new byte[0]);
            }
        } catch (IOException doorClosed) {
            // The command ended, and the door with it.
        }
    }
}
