package dev.outband.kvm.terminal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A serial session's bytes as they came, appended to a file readable by its owner only (what a serial console
 * shows may hold passwords typed at a prompt). Replaying it with {@code cat} shows the session.
 */
public final class SessionLog implements Closeable {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final OutputStream out;

    private SessionLog(OutputStream out) {
        this.out = out;
    }

    /** Appends to {@code file}, created or narrowed to owner-only first. */
    public static SessionLog open(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException appendToIt) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: no POSIX modes; the file is created as the folder's ACL says.
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
        return new SessionLog(Files.newOutputStream(file, StandardOpenOption.APPEND));
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
