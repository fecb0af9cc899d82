package dev.outband.simulator.wsman;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.http.DigestCredentials;
import java.io.IOException;
import java.time.Duration;

/** One virtual device on loopback HTTP and a client for it. */
final class Fixture implements AutoCloseable {
    final VirtualDevice device;
    final DevicePorts ports;

    Fixture(DeviceConfig config) throws IOException {
        this.device = new VirtualDevice(config);
        this.ports = DevicePorts.open(device, 0, 0, null);
    }

    Fixture() throws IOException {
        this(DeviceConfig.of("sim-1", "admin", "P@ssw0rd!").withBootDuration(Duration.ofMillis(100)));
    }

    DeviceEndpoint endpoint(DigestCredentials credentials) {
        return DeviceEndpoint.http("127.0.0.1", ports.httpPort(), credentials);
    }

    /** Our client's raw calls on this device, for checking reply shapes. */
    RawWsman raw() {
        return new RawWsman(endpoint(device.credentials()));
    }

    AmtClient client() {
        return client(device.credentials(), WsmanSettings.defaults());
    }

    AmtClient client(DigestCredentials credentials, WsmanSettings settings) {
        return AmtClient.connect(HttpClients.shared(), endpoint(credentials), settings);
    }

    @Override
    public void close() throws IOException {
        ports.close();
    }
}
