package dev.outband.simulator.activation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** JSON and base64 of the activation protocol: messages, the first payload, relayed HTTP bytes, status text. */
public final class ActivationCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A message the peer sent that this side cannot read; ends the session with its reason. */
    public static final class MalformedMessage extends Exception {
        public MalformedMessage(String why) {
            super(why, null, false, false);
        }
    }

    private ActivationCodec() {
    }

    public static String encode(ActivationMessage message) {
        return write(message);
    }

    public static ActivationMessage decode(String text) throws MalformedMessage {
        try {
            ActivationMessage message = JSON.readValue(text, ActivationMessage.class);
            if (message == null || message.method().isEmpty()) {
                throw new MalformedMessage("a message without a method");
            }
            return message;
        } catch (JsonProcessingException e) {
            throw new MalformedMessage("not a JSON activation message (" + e.getOriginalMessage() + ")");
        }
    }

    /** The first message's payload field: base64 of the payload's JSON. */
    public static String payload(DevicePayload payload) {
        return Base64.getEncoder().encodeToString(write(payload).getBytes(StandardCharsets.UTF_8));
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] unbase64(String text) throws MalformedMessage {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("a payload that is not base64");
        }
    }

    /** rps sends its final status as JSON text in the message field; plain text otherwise. */
    public static Optional<StatusMessage> status(String message) {
        if (message == null || !message.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(message, StatusMessage.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings always serialize", e);
        }
    }
}
