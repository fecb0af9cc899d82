package dev.outband.wsman.http;

import dev.outband.wsman.WsmanException;

/**
 * Carries one WS-Man envelope to a device and returns the reply's body: over HTTP(S) ({@link WsmanTransport}) or
 * relayed by a client running on the device (the activation server's websocket).
 */
@FunctionalInterface
public interface EnvelopeTransport {
    byte[] post(String envelope) throws WsmanException;
}
