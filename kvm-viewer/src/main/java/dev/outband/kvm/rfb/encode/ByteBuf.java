package dev.outband.kvm.rfb.encode;

import java.util.Arrays;

/** A growable byte buffer without ByteArrayOutputStream's locking. */
public final class ByteBuf {
    private byte[] buf;
    private int size;

    public ByteBuf(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(size + extra, buf.length * 2));
        }
    }

    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    public void u16(int v) {
        write(v >>> 8);
        write(v);
    }

    public void u32(int v) {
        u16(v >>> 16);
        u16(v);
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return buf;
    }

    public void reset() {
        size = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
