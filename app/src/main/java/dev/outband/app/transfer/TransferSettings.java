package dev.outband.app.transfer;

/**
 * Limits on the device list files Outband reads. A list of 10,000 devices is about 1 MB; anything far
 * beyond is no device list, and is refused before it is read.
 *
 * @param maxFileBytes  files larger than this are refused, also when they grow while being read
 * @param maxFieldChars longest CSV field or JSON string accepted
 * @param maxJsonDepth  deepest nesting of JSON arrays and objects accepted
 */
public record TransferSettings(long maxFileBytes, int maxFieldChars, int maxJsonDepth) {
    public static final TransferSettings DEFAULTS = new TransferSettings(16L * 1024 * 1024, 64 * 1024, 32);

    public TransferSettings {
        if (maxFileBytes < 1 || maxFieldChars < 1 || maxJsonDepth < 2) {
            throw new IllegalArgumentException("transfer limits must be positive");
        }
    }
}
