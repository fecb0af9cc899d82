package dev.outband.kvm.ider;

/** What the console answers to one ATAPI command. */
public sealed interface ScsiReply {
    /** A short answer computed in full (INQUIRY, MODE SENSE, …), already cut to the allocation length. */
    record Data(byte[] bytes) implements ScsiReply {}

    /** Sectors of an image, read in chunks while they are sent. */
    record Read(BootMedia media, long offset, long length) implements ScsiReply {}

    /** No data: GOOD, or CHECK CONDITION with this sense. */
    record Status(Sense sense) implements ScsiReply {}
}
