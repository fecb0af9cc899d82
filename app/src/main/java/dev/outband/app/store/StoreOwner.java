package dev.outband.app.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one process that has the store open. It holds an OS lock on {@code outband.owner} for as long as
 * the store is open, migrations included, and writes there its pid and what it is ("the console", a
 * command), so that a second process can say whom to close instead of "Cannot open the device store".
 * The lock sits on a byte far past the text, so that the text stays readable where locks are mandatory;
 * the file is never deleted, so that two processes can never lock two different files.
 * A process that closes the store cleanly adds a third line {@value #CLOSED}; a record without it tells the
 * next owner that its predecessor died with the store open ({@link #inheritsUncleanShutdown}).
 */
final class StoreOwner implements AutoCloseable {
    static final String FILE = "outband.owner";
    private static final long LOCKED_BYTE = 1L << 40;
    private static final String CLOSED = "closed";

    /** The process holding the store, as it described itself. */
    record Holder(long pid, String what) {
    }

    private final FileChannel channel;
    private final FileLock lock;
    private final boolean uncleanShutdown;

    private StoreOwner(FileChannel channel, FileLock lock, boolean uncleanShutdown) {
        this.channel = channel;
        this.lock = lock;
        this.uncleanShutdown = uncleanShutdown;
    }

    /** Takes the store for this process; empty when another process holds it. */
    static Optional<StoreOwner> claim(Path folder, String what) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            PrivateFiles.write(file, new byte[0]);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock(LOCKED_BYTE, 1, false);
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            boolean unclean = diedOpen(channel);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n" + what.replace('\n', ' ') + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return Optional.of(new StoreOwner(channel, lock, unclean));
        } catch (OverlappingFileLockException sameProcess) {
            // This process has the store open already; H2 shares an open file within a process.
            channel.close();
            return Optional.of(new StoreOwner(null, null, false));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The previous owner's record, read under the lock: one without the closed line is of a process that died. */
    private static boolean diedOpen(FileChannel channel) throws IOException {
        ByteBuffer record = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(record, 0);
        String[] lines = new String(record.array(), 0, record.position(), StandardCharsets.UTF_8).split("\n");
        return record.position() > 0 && !(lines.length > 2 && lines[2].equals(CLOSED));
    }

    /** True when the process that had the store before this one ended without closing it. */
    boolean inheritsUncleanShutdown() {
        return uncleanShutdown;
    }

    /** Records that the store was closed cleanly, before the lock is let go. */
    void markClosed() throws IOException {
        if (channel != null) {
            channel.write(ByteBuffer.wrap((CLOSED + "\n").getBytes(StandardCharsets.UTF_8)), channel.size());
            channel.force(false);
        }
    }

    /** Who holds the store, as far as its record tells. */
    static Optional<Holder> holder(Path folder) {
        try {
            String[] lines = Files.readString(folder.resolve(FILE), StandardCharsets.UTF_8).split("\n", 3);
            long pid = Long.parseLong(lines[0].strip());
            String what = lines.length > 1 && !lines[1].isBlank() ? lines[1].strip() : "another Outband process";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new Holder(pid, what));
        } catch (IOException | RuntimeException noRecord) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            lock.release();
            channel.close();
        }
    }
}
