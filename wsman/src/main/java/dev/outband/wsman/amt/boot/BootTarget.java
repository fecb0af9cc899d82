package dev.outband.wsman.amt.boot;

import java.util.Optional;

/**
 * Where the next boot goes. A forced source is a CIM_BootSourceSetting named by its InstanceID; BIOS
 * setup and IDE-R (a disk image this console serves over the redirection port) are flags in AMT_BootSettingData.
 */
public enum BootTarget {
    NORMAL("As the BIOS boot order says", null),
    BIOS_SETUP("BIOS setup", null),
    PXE("Network (PXE)", "Intel(r) AMT: Force PXE Boot"),
    HARD_DRIVE("Hard drive", "Intel(r) AMT: Force Hard-drive Boot"),
    CD_DVD("CD/DVD drive", "Intel(r) AMT: Force CD/DVD Boot"),
    DIAGNOSTIC("Diagnostics partition", "Intel(r) AMT: Force Diagnostic Boot"),
    IDER_CD("Remote CD/USB image (IDE-R)", null),
    IDER_FLOPPY("Remote floppy image (IDE-R)", null);

    private final String label;
    private final String sourceId;

    BootTarget(String label, String sourceId) {
        this.label = label;
        this.sourceId = sourceId;
    }

    public String label() {
        return label;
    }

    /** The CIM_BootSourceSetting InstanceID ChangeBootOrder names, when this target is a forced source. */
    public Optional<String> sourceId() {
        return Optional.ofNullable(sourceId);
    }

    public boolean usesIder() {
        return this == IDER_CD || this == IDER_FLOPPY;
    }

    @Override
    public String toString() {
        return label;
    }
}
