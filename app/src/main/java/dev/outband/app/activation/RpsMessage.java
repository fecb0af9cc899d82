package dev.outband.app.activation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;

/**
 * One websocket message of the DMT activation protocol, as rpc-go's {@code Message} (internal/rps/message.go):
 * every field a string, {@code payload} base64 (of the first message's device JSON, or of raw HTTP bytes).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RpsMessage(String method, String apiKey, String appVersion, String protocolVersion, String status,
                         String message, String fqdn, String payload, String tenantId) {
    /** The only version rps accepts (rpc-go's utils.ProtocolVersion). */
    public static final String PROTOCOL_VERSION = "4.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown for a message that is not the protocol's JSON; the text says what was wrong. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message);
        }
    }

    public static RpsMessage parse(String text) throws Malformed {
        try {
            RpsMessage m = JSON.readValue(text, RpsMessage.class);
            if (m == null || m.method() == null || m.method().isBlank()) {
                throw new Malformed("the message names no method");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new Malformed("the message is not the activation protocol's JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The payload's bytes. */
    public byte[] payloadBytes() throws Malformed {
        try {
            return payload == null ? new byte[0] : Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new Malformed("the payload of '" + method + "' is not base64");
        }
    }

    /** A WS-Man request for the client to relay to the device unchanged. */
    static RpsMessage wsman(byte[] httpRequest) {
        return server("wsman", "ok", "", Base64.getEncoder().encodeToString(httpRequest));
    }

    /** The end of a session that worked: {@code statusJson} is the JSON rpc-go reads as its StatusMessage. */
    static RpsMessage success(String statusJson) {
        return server("success", "success", statusJson, null);
    }

    static RpsMessage error(String statusJson) {
        return server("error", "failed", statusJson, null);
    }

    private static RpsMessage server(String method, String status, String message, String payload) {
        return new RpsMessage(method, "", "outband", PROTOCOL_VERSION, status, message, "", payload, "");
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never prints the payload: the first one carries the device's local account password. */
    @Override
    public String toString() {
        return "RpsMessage[method=" + (method != null && method.startsWith("deactivate") ? "deactivate" : method)
                + ", status=" + status + "]";
    }
}
