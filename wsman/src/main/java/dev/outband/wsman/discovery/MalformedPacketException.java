package dev.outband.wsman.discovery;

/** A UDP packet that is no presence pong; the message says what was wrong with it. */
public final class MalformedPacketException extends Exception {
    public MalformedPacketException(String reason) {
        super(reason);
    }
}
