package dev.outband.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.ManagedDevice;
import dev.outband.app.store.Device;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.amt.power.PowerAction;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/amt/…/:guid} (MPS's src/routes/amt): each call goes to the device through {@link ManagedDevice}
 * within the request deadline. A device that is not connected is MPS's 404; a device that fails is a 5xx that
 * names the device and says why.
 */
final class AmtRoutes {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
            + "[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    @FunctionalInterface
    private interface DeviceCall<T> {
        T call(ManagedDevice device) throws IOException;
    }

    private record Target(Device stored, ManagedDevice device) {
        String name() {
            return stored.name() + " (" + stored.reach().id() + ")";
        }
    }

    private final DeviceDirectory directory;
    private final DeviceConnections connections;
    private final Duration deadline;
    private final ObjectMapper json;
    private final ExecutorService calls;

    AmtRoutes(DeviceDirectory directory, DeviceConnections connections, Duration deadline, ObjectMapper json,
              ExecutorService calls) {
        this.directory = directory;
        this.connections = connections;
        this.deadline = deadline;
        this.json = json;
        this.calls = calls;
    }

    Object handle(ApiRequest request) throws ApiError {
        List<String> path = request.path();
        if (path.size() < 3) {
            throw ApiError.badRequest("no such route: /" + String.join("/", path));
        }
        String guid = path.getLast();
        String route = request.method() + " " + String.join("/", path.subList(1, path.size() - 1));
        return switch (route) {
            case "GET power/state" -> call(guid, "the power state", d -> MpsShapes.powerState(d.powerState()));
            case "GET power/capabilities" ->
                    call(guid, "the power capabilities", d -> MpsShapes.capabilities(d.supportedActions()));
            case "POST power/action" -> powerAction(guid, request, false);
            case "POST power/bootOptions" -> powerAction(guid, request, true);
            case "GET version" -> call(guid, "the AMT version", d -> MpsShapes.version(d.identity()));
            case "GET hardwareInfo" -> call(guid, "the hardware inventory", d -> MpsShapes.hardware(d.hardware()));
            case "GET generalSettings" ->
                    call(guid, "the general settings", d -> MpsShapes.generalSettings(d.identity()));
            case "GET features" -> call(guid, "the AMT features",
                    d -> MpsShapes.features(d.redirection(), d.consentStatus()));
            case "GET log/event" -> call(guid, "the event log", d -> MpsShapes.events(d.events()));
            case "GET log/audit" -> {
                int start = startIndex(request);
                yield call(guid, "the audit log", d -> MpsShapes.audit(d.audit(), start));
            }
            case "GET userConsentCode" -> consent(guid, "starting user consent", d -> {
                d.startConsent();
                return 0L;
            });
            case "POST userConsentCode" -> {
                String code = consentCode(request);
                yield consent(guid, "sending the consent code", d -> {
                    d.sendConsentCode(code);
                    return 0L;
                });
            }
            case "GET userConsentCode/cancel" -> consent(guid, "cancelling user consent", d -> {
                d.cancelConsent();
                return 0L;
            });
            default -> throw ApiError.of(404, "Incorrect URI or Bad Request",
                    "no such route: " + request.method() + " /api/v1/" + String.join("/", path));
        };
    }

    static void checkGuid(String guid) throws ApiError {
        if (!GUID.matcher(guid).matches()) {
            throw ApiError.invalid("guid", "params", "Invalid value");
        }
    }

    private Object powerAction(String guid, ApiRequest request, boolean boot) throws ApiError {
        JsonNode body = request.json(json);
        JsonNode action = body.get("action");
        // MPS's validator takes the number or its digits as a string.
        if (action == null || !(action.isIntegralNumber() && action.canConvertToInt() || action.isTextual())) {
            throw ApiError.invalid("action", "body", "action must be a power action number");
        }
        int number = action.isTextual() ? parse("action", action.asText()) : action.asInt();
        if (boot && body.path("useSOL").asBoolean(false)) {
            throw ApiError.invalid("useSOL", "body", "booting with SOL is not offered by this listener");
        }
        PowerAction chosen = PowerAction.byNumber(number).orElseThrow(() -> ApiError.invalid("action", "body",
                "power action " + number + " is not one this listener performs"));
        return call(guid, "power action " + number, d -> {
            try {
                d.perform(chosen);
                return MpsShapes.actionResult(0);
            } catch (ReturnValueException refused) {
                // MPS answers 200 with whatever RequestPowerStateChange returned.
                return MpsShapes.actionResult(refused.returnValue());
            }
        });
    }

    /** The consent calls answer 400 with the device's return value when it refuses, as MPS does. */
    private Object consent(String guid, String what, DeviceCall<Long> op) throws ApiError {
        Target target = open(guid);
        try {
            run(target, what, op);
            return MpsShapes.consentResult(0);
        } catch (ApiError e) {
            if (e.getCause() instanceof ReturnValueException refused) {
                throw ApiError.withBody(400, MpsShapes.consentResult(refused.returnValue()),
                        target.name() + " refused " + what + ": " + refused.getMessage());
            }
            throw e;
        }
    }

    private <T> T call(String guid, String what, DeviceCall<T> op) throws ApiError {
        return run(open(guid), what, op);
    }

    private <T> T run(Target target, String what, DeviceCall<T> op) throws ApiError {
        Future<T> result = calls.submit(() -> op.call(target.device()));
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw ApiError.timedOut(target.name() + " did not answer " + what + " within " + deadline.toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw ApiError.deviceFailed("the request for " + what + " on " + target.name() + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw ApiError.deviceFailed(target.name() + ": " + what + " failed: " + reason, cause);
        }
    }

    private Target open(String guid) throws ApiError {
        if (!GUID.matcher(guid).matches() || !directory.connected(guid)) {
            throw ApiError.notConnected(guid);
        }
        Optional<Device> stored = directory.stored(guid);
        if (stored.isEmpty()) {
            throw ApiError.deviceFailed("device " + guid + " has just connected and is not in the store yet:"
                    + " try again in a moment");
        }
        Device device = stored.get();
        if (device.user() == null || device.password() == null) {
            throw ApiError.deviceFailed(device.name() + " (" + guid + ") has no AMT credentials in this console:"
                    + " enter them in Outband first");
        }
        try {
            return new Target(device, connections.device(device));
        } catch (IOException e) {
            throw ApiError.deviceFailed(device.name() + " (" + guid + ") cannot be reached: " + e.getMessage(), e);
        }
    }

    private static int startIndex(ApiRequest request) throws ApiError {
        String value = request.query().getOrDefault("startIndex", "0");
        int n = parse("startIndex", value);
        if (n < 0) {
            throw ApiError.invalid("startIndex", "query", "startIndex must not be negative");
        }
        return n;
    }

    private String consentCode(ApiRequest request) throws ApiError {
        JsonNode code = request.json(json).get("consentCode");
        if (code == null || !(code.isIntegralNumber() || code.isTextual()) || !code.asText().matches("\\d{1,6}")) {
            throw ApiError.invalid("consentCode", "body", "consentCode must be the 6-digit code on the screen");
        }
        return code.asText();
    }

    private static int parse(String field, String value) throws ApiError {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.invalid(field, field.equals("action") ? "body" : "query", "not a number: " + value);
        }
    }
}
