package dev.outband.simulator.sol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.sol.SolSession;
import dev.outband.kvm.sol.SolSettings;
import dev.outband.kvm.session.AmtSolConnector;
import dev.outband.simulator.device.BootOptions;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console's SOL client against the simulator's redirection port over real sockets. */
@Timeout(30)
class SolSimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "Sol-Passw0rd";

    private static VirtualDevice device() {
        return new VirtualDevice(DeviceConfig.of("sol-pc", "admin", PASSWORD).withBootDuration(Duration.ofMinutes(5))
                .withOptInRequired(0));
    }

    private static SolSession open(DevicePorts ports, String password) throws IOException {
        return AmtSolConnector.open(SocketFactory.getDefault(), "127.0.0.1", ports.kvmPort(),
                new AmtCredentials("admin", password.toCharArray()), SolSettings.defaults(), WAIT);
    }

    /** Reads serial output until {@code text} has appeared (bounded by the test's timeout). */
    private static String readUntil(InputStream serial, StringBuilder seen, String text) throws IOException {
        byte[] buf = new byte[4096];
        while (!seen.toString().contains(text)) {
            int n = serial.read(buf);
            if (n < 0) {
                throw new IOException("the session ended before \"" + text + "\" came; seen: " + seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        return seen.toString();
    }

    @Test
    void aRunningHostShowsItsLoginPromptAndEchoesTheUserName() throws Exception {
        VirtualDevice device = device();
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null); SolSession sol = open(ports, PASSWORD)) {
            InputStream serial = sol.serialInput();
            StringBuilder seen = new StringBuilder();
            readUntil(serial, seen, "sol-pc login: ");
            sol.send("root\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntil(serial, seen, "Password: ")).contains("login: root\r\nPassword: ");
            assertThat(sol.lineStatus() & SolServer.SYSTEM_POWER_ON).isNotZero();
        }
    }

    @Test
    void aResetIntoBiosSetupDrawsTheMenuAndTheDownArrowMovesItsSelection() throws Exception {
        VirtualDevice device = device();
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null); SolSession sol = open(ports, PASSWORD)) {
            InputStream serial = sol.serialInput();
            StringBuilder seen = new StringBuilder();
            readUntil(serial, seen, "login: ");
            device.setBootOptions(new BootOptions(true, false, true, null, false));
            assertThat(device.requestPowerState(10)).isZero();
            readUntil(serial, seen, "Outband Virtual BIOS Setup Utility");
            readUntil(serial, seen, "> System Information");
            seen.setLength(0);
            sol.send(new byte[] {0x1B, '[', 'B'});
            assertThat(readUntil(serial, seen, "> Boot Order")).contains("  System Information");
        }
    }

    @Test
    void aWrongPasswordIsRefusedInTheTechniciansWords() {
        VirtualDevice device = device();
        assertThatThrownBy(() -> {
            try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
                open(ports, "wrong").close();
            }
        }).isInstanceOf(RedirectionException.class).hasMessage("Error validating management credentials");
    }

    @Test
    void aDeviceWithSolTurnedOffSaysSo() throws Exception {
        VirtualDevice device = device();
        device.redirection().setFeatures(false, false);
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            assertThatThrownBy(() -> open(ports, PASSWORD)).isInstanceOf(RedirectionException.class)
                    .hasMessage("Serial-over-LAN is disabled on this device");
        }
    }

    @Test
    void aSecondSolSessionIsBusyWhileKvmStaysFree() throws Exception {
        VirtualDevice device = device();
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null); SolSession first = open(ports, PASSWORD)) {
            assertThatThrownBy(() -> open(ports, PASSWORD)).isInstanceOf(RedirectionException.class)
                    .hasMessage("another Serial-over-LAN session is open on this device");
        }
    }
}
