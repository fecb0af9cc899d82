package dev.outband.kvm.rfb.decode;

/** A reusable byte buffer that grows to the largest rectangle seen (already bounded by the caller). */
final class Scratch {
    private byte[] buf = new byte[4096];

    byte[] get(int size) {
        if (buf.length < size) {
            buf = new byte[Math.max(size, buf.length * 2)];
        }
        return buf;
    }
}
