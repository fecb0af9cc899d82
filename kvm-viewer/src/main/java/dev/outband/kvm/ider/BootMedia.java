package dev.outband.kvm.ider;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local image served read-only as one IDE-R drive: an ISO as the CD drive (2048-byte blocks) or a raw floppy/USB
 * image as the floppy drive (512-byte blocks). Its size must be a whole number of blocks.
 */
public final class BootMedia implements AutoCloseable {
    public enum Kind {
        CD(2048, IderMessage.DRIVE_CD),
        FLOPPY(512, IderMessage.DRIVE_FLOPPY);

        private final int blockSize;
        private final int drive;

        Kind(int blockSize, int drive) {
            this.blockSize = blockSize;
            this.drive = drive;
        }

        public int blockSize() {
            return blockSize;
        }

        /** The ATA drive select of this drive. */
        public int drive() {
            return drive;
        }
    }

    private final Kind kind;
    private final Path path;
    private final FileChannel file;
    private final long size;

    private BootMedia(Kind kind, Path path, FileChannel file, long size) {
        this.kind = kind;
        this.path = path;
        this.file = file;
        this.size = size;
    }

    /** Opens {@code path} read-only; an empty file or one that is not whole blocks is refused in words. */
    public static BootMedia open(Kind kind, Path path) throws IOException {
        FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = file.size();
            if (size == 0 || size % kind.blockSize() != 0) {
                throw new IOException(path.getFileName() + " is " + size + " bytes: "
                        + (kind == Kind.CD ? "an ISO" : "a floppy or USB image") + " must be a whole number of "
                        + kind.blockSize() + "-byte sectors");
            }
            return new BootMedia(kind, path, file, size);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** An ISO (.iso) is a CD, anything else a floppy/USB image. */
    public static Kind kindOf(Path path) {
        return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".iso") ? Kind.CD : Kind.FLOPPY;
    }

    public Kind kind() {
        return kind;
    }

    public Path path() {
        return path;
    }

    public long size() {
        return size;
    }

    public long blocks() {
        return size / kind.blockSize();
    }

    /** {@code length} bytes from {@code offset}, which lie inside the image. */
    public byte[] read(long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (file.read(b, offset + b.position()) < 0) {
                throw new IOException(path.getFileName() + " became shorter while it was served");
            }
        }
        return b.array();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    @Override
    public String toString() {
        return kind + " " + path.getFileName() + " (" + size + " bytes)";
    }
}
