package dev.outband.kvm.terminal;

/** How the terminal reads bytes of 0x80 and above. */
public enum TextEncoding {
    /** IBM code page 437: PC BIOS setups and DOS. */
    CP437,
    /** UTF-8: Linux and Windows consoles. */
    UTF8
}
