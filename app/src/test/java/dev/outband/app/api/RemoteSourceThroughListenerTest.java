package dev.outband.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.DeviceReader;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.remote.DeviceFilter;
import dev.outband.app.remote.RemoteDevice;
import dev.outband.app.remote.RemoteDeviceRow;
import dev.outband.app.remote.RemoteSettings;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.remote.SourceListing;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.RemoteSource;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.sol.SolSession;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import dev.outband.simulator.device.PowerState;
import dev.outband.wsman.amt.power.PowerAction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colleague's console with this laptop's listener API as its remote source: 50 simulated devices call the
 * listener over CIRA (real TLS and APF), the API serves them, and the remote source lists, powers, reads and
 * opens KVM on them through it, as it would through a real MPS. Expected values are the simulator's own state
 * (the devices' power, the AMT framebuffer's size) read beside the API, never the API's own answers.
 */
@Timeout(240)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteSourceThroughListenerTest {
    private static final int DEVICES = 50;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ApiFixture lab;
    private DeviceStore colleague;
    private RemoteSources sources;
    private DeviceConnections connections;

    @BeforeAll
    void start(@TempDir Path laptop, @TempDir Path otherConsole) throws Exception {
        lab = new ApiFixture(laptop, DEVICES, s -> s);
        colleague = DeviceStore.open(otherConsole, () -> null);
        colleague.sources().insert(new RemoteSource(null, "laptop", URI.create(lab.api.url()), ApiFixture.API_USER,
                colleague.sources().seal(ApiFixture.API_PASSWORD), RemoteSource.Trust.SYSTEM, null));
        sources = new RemoteSources(colleague.sources()::findAll, List::of, RemoteSettings.defaults(),
                Clock.systemUTC());
        connections = new DeviceConnections(DeviceConnections.AMT_PORTS).serving(sources);
    }

    @AfterAll
    void stop() throws Exception {
        if (colleague != null) {
            colleague.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void everyDeviceIsListedWithItsSourceAndStatsAgree() {
        SourceListing listing = sources.listAll(DeviceFilter.ALL).getFirst();

        assertThat(listing.ok()).as(String.valueOf(listing.error())).isTrue();
        assertThat(listing.devices()).hasSize(DEVICES).allSatisfy(row -> {
            assertThat(row.connected()).isTrue();
            assertThat(row.source()).isEqualTo("laptop");
        });
        assertThat(listing.devices()).extracting(r -> r.device().name())
                .contains("laptop/sim-0", "laptop/sim-" + (DEVICES - 1));
        assertThat(listing.stats().total()).isEqualTo(DEVICES);
        assertThat(listing.stats().connected()).isEqualTo(DEVICES);
    }

    @Test
    void allFiftyArePoweredOffAndOnThroughTheApiAndTheDevicesFollow() throws Exception {
        List<Device> remote = sources.listAll(DeviceFilter.ALL).getFirst().devices().stream()
                .map(RemoteDeviceRow::device).toList();
        PowerRun run = new PowerRun(connections, (id, at, cooldown) -> Optional.empty(), (id, state) -> { },
                Clock.systemUTC());

        List<PowerRun.Result> off = run.perform(PowerAction.OFF, remote, r -> { });
        assertThat(off).hasSize(DEVICES).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.device() + ": " + r.message()).isEqualTo(PowerRun.Outcome.DONE);
            assertThat(r.powerState()).isEqualTo("Off - Soft");
        });
        assertThat(lab.devices).allSatisfy(d -> assertThat(d.powerState()).isEqualTo(PowerState.OFF));

        List<PowerRun.Result> on = run.perform(PowerAction.ON, remote, r -> { });
        assertThat(on).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(PowerRun.Outcome.DONE));
        assertThat(lab.devices).allSatisfy(d -> assertThat(d.powerState()).isEqualTo(PowerState.ON));
    }

    @Test
    void versionHardwareAndLogsAreReadThroughTheApi() throws Exception {
        Device sim3 = sources.find("laptop/sim-3").orElseThrow().device();
        DeviceReader reader = DeviceReader.open(connections, (id, state) -> { }, Clock.systemUTC(), sim3);

        assertThat(reader.identity().amtVersion()).isEqualTo(lab.devices.get(3).config().amtVersion());
        assertThat(reader.hardware().processors()).isNotEmpty();
        assertThat(reader.hardware().memoryBytes()).isPositive();
        assertThat(reader.events()).isNotEmpty();
        assertThat(reader.audit()).isNotEmpty();
        assertThat(reader.power().name()).isIn("On", "Off - Soft");
    }

    @Test
    void kvmThroughTheListenersRelayShowsTheDevicesScreenInTextFramesAsMpsSendsThem() throws Exception {
        Device sim7 = sources.find("laptop/sim-7").orElseThrow().device();
        RemoteDevice device = (RemoteDevice) connections.device(sim7);

        RemoteDevice.RelayKvm kvm = device.kvmThroughRelay(WAIT);
        try (RfbSession session = kvm.session()) {
            // The simulator's AMT KVM framebuffer (simulator/kvm/RfbServer, AMT flavour).
            assertThat(session.serverInit().width()).isEqualTo(800);
            assertThat(session.serverInit().height()).isEqualTo(600);
            Framebuffer frame = FrameGrabber.grab(session, WAIT);
            assertThat(frame.pixels()).hasSize(800 * 600);
        }
        assertThat(kvm.frames().text()).as("the listener relays device bytes as text frames, as MPS does").isPositive();
        assertThat(kvm.frames().binary()).isZero();
    }

    @Test
    void serialOverLanThroughTheListenersRelayCarriesTheDevicesConsoleBothWays() throws Exception {
        Device sim8 = sources.find("laptop/sim-8").orElseThrow().device();
        try (SolSession sol = connections.device(sim8).sol(WAIT)) {
            InputStream serial = sol.serialInput();
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[4096];
            // The simulator's serial port (simulator/sol/SerialConsole): its login prompt, or its setup menu while
            // the device is still booting from another test's power action.
            while (!seen.toString().contains("sim-8 login: ") && !seen.toString().contains("> System Information")) {
                int n = serial.read(buf);
                assertThat(n).as("the session ended; seen: %s", seen).isNotNegative();
                seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            if (seen.toString().contains("> System Information")) {
                sol.send(new byte[] {0x1B, '[', 'B'});
                while (!seen.toString().contains("> Boot Order") && !seen.toString().contains("sim-8 login: ")) {
                    int n = serial.read(buf);
                    assertThat(n).isNotNegative();
                    seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            } else {
                sol.send("x".getBytes(StandardCharsets.US_ASCII));
                while (!seen.toString().contains("login: x")) {
                    int n = serial.read(buf);
                    assertThat(n).isNotNegative();
                    seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
            }
        }
    }
}
