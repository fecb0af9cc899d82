package dev.outband.simulator.activation;

import dev.outband.simulator.device.VirtualDevice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The device side of remote activation, as the public rpc-go client does it (internal/rps/rps.go, executor.go):
 * opens the websocket, sends {@code activate --profile NAME} or {@code deactivate --password …} with the device's
 * payload, relays each {@code wsman} message's HTTP bytes unchanged to the device's WS-Man port (standing in for
 * LMS) and answers {@code response} with the raw reply, echoes heartbeats, and ends on the server's success or
 * error. One client serves any number of devices at once; each run is one websocket.
 */
public final class ActivationClient implements AutoCloseable {
    /** rpc-go sends "key" unless told otherwise. */
    public static final String DEFAULT_API_KEY = "key";

    /** What the client asks the server for, as rpc-go spells the method. */
    public record Command(String method, String amtPassword) {
        public static Command activate(String profile) {
            return new Command("activate --profile " + profile, null);
        }

        /** rpc-go puts the AMT password in the method and, for an activated device, in the payload too. */
        public static Command deactivate(String amtPassword, boolean force) {
            return new Command("deactivate --password " + amtPassword + (force ? " -f" : ""), amtPassword);
        }

        @Override
        public String toString() {
            return "Command[" + method.replaceFirst("--password \\S+", "--password ***") + "]";
        }
    }

    private final ActivationSettings settings;
    private final HttpClient http;
    private final String apiKey;
    private final String tenantId;

    public ActivationClient(ActivationSettings settings, SSLContext tls, String apiKey, String tenantId) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(settings.connectTimeout()).build();
        this.apiKey = apiKey == null ? DEFAULT_API_KEY : apiKey;
        this.tenantId = tenantId == null ? "" : tenantId;
    }

    /** Runs one activation or deactivation of {@code device}, whose WS-Man port is {@code wsman}, to its end. */
    public ActivationResult run(VirtualDevice device, InetSocketAddress wsman, URI server, Command command) {
        DevicePayload payload = DevicePayload.of(device, command.amtPassword());
        try (ServerConnection connection = ServerConnection.open(http, server, settings)) {
            connection.send(ActivationMessage.fromClient(command.method(), apiKey, tenantId,
                    ActivationCodec.payload(payload)));
            return relay(device.name(), connection, new LocalRelay(wsman, settings));
        } catch (IOException e) {
            return ActivationResult.failed(device.name(), e.getMessage());
        }
    }

    private ActivationResult relay(String device, ServerConnection connection, LocalRelay relay) throws IOException {
        Instant giveUp = Instant.now().plus(settings.session());
        while (true) {
            Duration left = Duration.between(Instant.now(), giveUp);
            if (left.isNegative() || left.isZero()) {
                return ActivationResult.failed(device, "no end after " + settings.session().toMinutes()
                        + " min of messages; the session was given up");
            }
            ServerConnection.Event event = connection.next(left.compareTo(settings.serverWait()) < 0 ? left
                    : settings.serverWait());
            switch (event) {
                case ServerConnection.Event.Closed closed -> {
                    return ActivationResult.failed(device, "the server closed the connection (" + closed.code()
                            + (closed.reason().isEmpty() ? "" : " " + closed.reason()) + ") before success or error");
                }
                case ServerConnection.Event.Failed failed -> {
                    return ActivationResult.failed(device, failed.why());
                }
                case ServerConnection.Event.Text text -> {
                    Optional<ActivationResult> end = handle(device, connection, relay, text.text());
                    if (end.isPresent()) {
                        return end.get();
                    }
                }
            }
        }
    }

    /** One server message; a result when it ends the session. */
    private Optional<ActivationResult> handle(String device, ServerConnection connection, LocalRelay relay,
            String text) throws IOException {
        ActivationMessage message;
        try {
            message = ActivationCodec.decode(text);
        } catch (ActivationCodec.MalformedMessage e) {
            return Optional.of(ActivationResult.failed(device, "the server sent " + e.getMessage()));
        }
        switch (message.method()) {
            case "heartbeat_request" -> connection.send(message.heartbeatResponse());
            case "success", "error" -> {
                var status = ActivationCodec.status(message.message());
                String words = status.map(StatusMessage::status).orElse(message.message());
                return Optional.of(new ActivationResult(device, message.method().equals("success")
                        ? ActivationResult.Outcome.SUCCESS : ActivationResult.Outcome.SERVER_ERROR, words,
                        status.orElse(null)));
            }
            case "wsman" -> {
                byte[] request;
                try {
                    request = ActivationCodec.unbase64(message.payload());
                } catch (ActivationCodec.MalformedMessage e) {
                    return Optional.of(ActivationResult.failed(device, "the server sent " + e.getMessage()));
                }
                Optional<byte[]> response;
                try {
                    response = relay.exchange(request);
                } catch (IOException e) {
                    return Optional.of(ActivationResult.failed(device, "the device's WS-Man port: " + e.getMessage()));
                }
                // Nothing from the device in time: rpc-go sends nothing and waits for the server's next move.
                if (response.isPresent()) {
                    connection.send(ActivationMessage.fromClient("response", apiKey, "",
                            ActivationCodec.base64(response.get())));
                }
            }
            case "port_switch", "tls_data" -> {
                return Optional.of(ActivationResult.failed(device, "the server asked for a TLS tunnel ("
                        + message.method() + "), which the simulator's client does not offer"));
            }
            default -> {
                return Optional.of(ActivationResult.failed(device, "the server sent an unknown method '"
                        + message.method() + "'"));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        http.close();
    }
}
