package dev.outband.cira.apf;

/**
 * Hard limits on lengths a peer controls, checked before anything is allocated.
 *
 * @param maxMessageSize  largest whole message the decoder will buffer
 * @param maxStringLength largest string field (service, user, password, address)
 * @param maxChannelData  largest CHANNEL_DATA payload
 */
public record ApfLimits(int maxMessageSize, int maxStringLength, int maxChannelData) {
    public static final int DEFAULT_MAX_CHANNEL_DATA = 1 << 20;
    private static final int CHANNEL_DATA_HEADER = 9;

    public ApfLimits {
        if (maxStringLength < 64 || maxChannelData < 1024) {
            throw new IllegalArgumentException("limits too small to speak APF");
        }
        if (maxMessageSize < maxChannelData + CHANNEL_DATA_HEADER) {
            throw new IllegalArgumentException("maxMessageSize must hold the largest CHANNEL_DATA");
        }
    }

    public static ApfLimits defaults() {
        return new ApfLimits(DEFAULT_MAX_CHANNEL_DATA + 64, 2048, DEFAULT_MAX_CHANNEL_DATA);
    }
}
