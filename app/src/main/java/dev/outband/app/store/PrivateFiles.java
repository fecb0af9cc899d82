package dev.outband.app.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only their owner may read: mode 600/700 on POSIX systems, an ACL granting the owner
 * alone on Windows. Writes go through a private temporary file moved into place, so a crash leaves the
 * old content or the new one, never half of it, and an existing file's looser mode is not inherited.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** The data folder holds the lab CA one level down; nothing deeper is Outband's. */
    private static final int DEPTH = 2;

    private PrivateFiles() {
    }

    /** Makes {@code path} (a file or a folder) owner-only; a symbolic link is left alone. */
    public static void restrict(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return;
        }
        boolean folder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        // Following links (after the check above) makes the JDK chmod by path: with NOFOLLOW_LINKS it opens
        // the file and closes it again, which drops every POSIX lock this process holds on it (H2's, the owner's).
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(folder ? FOLDER : FILE);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl != null) {
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .setFlags(folder ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                            : EnumSet.noneOf(AclEntryFlag.class))
                    .build()));
        }
    }

    /**
     * Makes {@code folder} and the entries in it that {@code ours} matches (paths relative to the folder)
     * owner-only, also what an older version left readable; other people's files stay as they are.
     */
    public static void restrictTree(Path folder, PathMatcher ours) throws IOException {
        restrict(folder);
        try (Stream<Path> all = Files.walk(folder, DEPTH)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!p.equals(folder) && ours.matches(folder.relativize(p))) {
                    restrict(p);
                }
            }
        }
    }

    /** Replaces {@code file} with {@code content} in one step, owner-only, flushed to disk. */
    public static void write(Path file, byte[] content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temp = createPrivate(folder, file.getFileName() + ".");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                out.write(java.nio.ByteBuffer.wrap(content));
                out.force(true);
            }
            move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path createPrivate(Path folder, String prefix) throws IOException {
        try {
            return Files.createTempFile(folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(FILE));
        } catch (UnsupportedOperationException notPosix) {
            Path temp = Files.createTempFile(folder, prefix, ".tmp");
            restrict(temp);
            return temp;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
