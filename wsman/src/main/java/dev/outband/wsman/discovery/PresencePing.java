package dev.outband.wsman.discovery;

/** An ASF Presence Ping (RMCP, UDP 623); the device echoes {@code tag} in its pong. */
public record PresencePing(int tag) {
    public PresencePing {
        if (tag < 0 || tag > 0xFF) {
            throw new IllegalArgumentException("a tag is one byte: " + tag);
        }
    }
}
