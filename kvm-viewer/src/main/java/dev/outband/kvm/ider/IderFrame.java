package dev.outband.kvm.ider;

/**
 * One IDE-R message with its header fields.
 *
 * @param attributes bit 1: the command completed with this message; bit 0: DMA
 * @param sequence   unsigned 32-bit, counted per direction from 0
 */
public record IderFrame(int attributes, long sequence, IderMessage message) {
    public static final int ATTR_DMA = 1;
    public static final int ATTR_COMPLETED = 2;
}
