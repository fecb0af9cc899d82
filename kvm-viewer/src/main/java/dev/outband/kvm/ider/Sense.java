package dev.outband.kvm.ider;

/** SCSI sense: key, additional sense code and qualifier (SPC). {@link #GOOD} is no error. */
public record Sense(int key, int asc, int ascq) {
    public static final Sense GOOD = new Sense(0, 0, 0);
    public static final Sense NO_MEDIUM = new Sense(0x02, 0x3A, 0x00);
    public static final Sense INVALID_COMMAND = new Sense(0x05, 0x20, 0x00);
    public static final Sense LBA_OUT_OF_RANGE = new Sense(0x05, 0x21, 0x00);
    public static final Sense INVALID_FIELD_IN_CDB = new Sense(0x05, 0x24, 0x00);
    public static final Sense WRITE_PROTECTED = new Sense(0x07, 0x27, 0x00);

    public boolean good() {
        return key == 0 && asc == 0 && ascq == 0;
    }
}
