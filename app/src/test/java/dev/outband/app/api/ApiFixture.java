package dev.outband.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.SimulatedCiraDevice;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * N virtual devices calling a real lab listener over CIRA (real TLS, real APF), stored with their AMT accounts,
 * and the listener's API on a loopback port; requests go over real HTTP with OkHttp.
 */
final class ApiFixture implements AutoCloseable {
    static final String API_USER = "api-admin";
    static final String API_PASSWORD = "Api-P@ssw0rd-1";
    static final String AMT_USER = "admin";
    static final String AMT_PASSWORD = "Sim-Passw0rd";
    static final MediaType JSON = MediaType.get("application/json");

    final DeviceStore store;
    final LabListener listener;
    final List<VirtualDevice> devices = new ArrayList<>();
    final List<CiraClient> clients = new ArrayList<>();
    final DeviceConnections connections;
    final ListenerApi api;
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofSeconds(40)).build();
    final ObjectMapper json = new ObjectMapper();

    /** Device i is named sim-i, tagged "lab" and, for even i, "even". */
    ApiFixture(Path home, int count, UnaryOperator<ApiSettings> settings) throws Exception {
        store = DeviceStore.open(home, () -> null);
        listener = new LabListener(SimulatedCiraDevice.loopbackSettings());
        try {
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            for (int i = 0; i < count; i++) {
                VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-" + i, AMT_USER, AMT_PASSWORD)
                        .withOptInRequired(0));
                devices.add(virtual);
                store.devices().insert(new Device(null, "sim-" + i, "host-" + i + ".lab",
                        i % 2 == 0 ? List.of("lab", "even") : List.of("lab"), AMT_USER,
                        store.devices().seal(AMT_PASSWORD), TlsMode.NONE, null,
                        Reach.cira(virtual.uuid().toString()), DeviceState.UNKNOWN));
                clients.add(SimulatedCiraDevice.connect(listener, virtual));
            }
            connections = new DeviceConnections(d -> 1, listener);
            api = ListenerApi.start(settings.apply(ApiSettings.defaults().withBind(InetAddress.getLoopbackAddress(), 0)
                    .withUser(API_USER)), API_PASSWORD.toCharArray(), listener, store, connections);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    String guid(int i) {
        return devices.get(i).uuid().toString().toLowerCase();
    }

    String url(String path) {
        return api.url() + path;
    }

    String login() throws IOException {
        try (Response r = post("/api/v1/authorize", "{\"username\":\"" + API_USER + "\",\"password\":\""
                + API_PASSWORD + "\"}", null)) {
            if (r.code() != 200) {
                throw new AssertionError("login failed: " + r.code() + " " + r.body().string());
            }
            return json.readTree(r.body().string()).get("token").asText();
        }
    }

    Response get(String path, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(url(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.newCall(b.build()).execute();
    }

    Response post(String path, String body, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(url(path)).post(RequestBody.create(body, JSON));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.newCall(b.build()).execute();
    }

    /** The JSON of a 200 answer; anything else fails with what the server said. */
    JsonNode ok(Response response) throws IOException {
        try (response) {
            String body = response.body().string();
            if (response.code() != 200) {
                throw new AssertionError("HTTP " + response.code() + ": " + body);
            }
            return json.readTree(body);
        }
    }

    record Answer(int code, JsonNode body) {
    }

    Answer answer(Response response) throws IOException {
        try (response) {
            return new Answer(response.code(), json.readTree(response.body().string()));
        }
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        for (CiraClient client : clients) {
            try {
                client.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listener.close();
        store.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
