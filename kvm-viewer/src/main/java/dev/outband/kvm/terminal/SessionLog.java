package dev.outband.kvm.terminal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A serial session's bytes as they came, appended to a file readable by its owner only (what a serial console
 * shows may hold passwords typed at a prompt). Replaying it with {@code cat} shows the session.
 */
public final class SessionLog implements Closeable {
    private final Path file;
    private final OutputStream out;

    private SessionLog(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    public static SessionLog open(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                // Another writer made it a moment ago; appending is still right.
            }
        }
        return new SessionLog(file, Files.newOutputStream(file, StandardOpenOption.APPEND));
    }

    public Path file() {
        return file;
    }

    public synchronized void write(byte[] data, int off, int len) throws IOException {
        out.write(data, off, len);
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
