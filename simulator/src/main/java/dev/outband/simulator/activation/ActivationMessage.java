package dev.outband.simulator.activation;

/**
 * One websocket message between the device's client and the provisioning server, with the fields of rpc-go's
 * {@code rps.Message} (internal/rps/message.go); every field is always sent, empty when unused.
 */
public record ActivationMessage(String method, String apiKey, String appVersion, String protocolVersion,
        String status, String message, String fqdn, String payload, String tenantId) {
    /** rpc-go's protocol version (pkg/utils/constants.go), which rps checks. */
    public static final String PROTOCOL_VERSION = "4.0.0";
    public static final String APP_VERSION = "outband-simulator";

    public ActivationMessage {
        method = orEmpty(method);
        apiKey = orEmpty(apiKey);
        appVersion = orEmpty(appVersion);
        protocolVersion = orEmpty(protocolVersion);
        status = orEmpty(status);
        message = orEmpty(message);
        fqdn = orEmpty(fqdn);
        payload = orEmpty(payload);
        tenantId = orEmpty(tenantId);
    }

    /** A client message as rpc-go builds one: status and message "ok". */
    public static ActivationMessage fromClient(String method, String apiKey, String tenantId, String payload) {
        return new ActivationMessage(method, apiKey, APP_VERSION, PROTOCOL_VERSION, "ok", "ok", "", payload, tenantId);
    }

    /** rpc-go answers a heartbeat by echoing it with method heartbeat_response and status success. */
    public ActivationMessage heartbeatResponse() {
        return new ActivationMessage("heartbeat_response", apiKey, appVersion, protocolVersion, "success", message,
                fqdn, payload, tenantId);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "ActivationMessage[method=" + method + ", status=" + status + ", payload=" + payload.length()
                + " chars]";
    }
}
