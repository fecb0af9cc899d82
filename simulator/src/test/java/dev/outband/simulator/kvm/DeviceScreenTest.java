package dev.outband.simulator.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Display;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.time.Duration;
import java.util.Arrays;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeviceScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A fresh session each time; the device frees its one KVM slot only once it sees the last one close. */
    private static Framebuffer screenOf(DevicePorts ports) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (RfbSession session = AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", ports.kvmPort(),
                    new AmtCredentials("admin", "Kvm-Passw0rd".toCharArray()), AmtColourMode.AUTO, false, WAIT)) {
                return FrameGrabber.grab(session, WAIT);
            } catch (RedirectionException busy) {
                if (System.nanoTime() > deadline || !busy.getMessage().contains("another KVM session")) {
                    throw busy;
                }
                Thread.sleep(50);
            }
        }
    }

    private static long distinctColours(Framebuffer fb) {
        return Arrays.stream(fb.pixels()).distinct().count();
    }

    @Test
    void theKvmPortOfASimulatedDeviceShowsBlackWhenOffAndTheBootScreenAfterPowerOn() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("kvm-pc", "admin", "Kvm-Passw0rd")
                .withBootDuration(Duration.ofMinutes(5)).withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            assertThat(device.requestPowerState(8)).isZero();
            assertThat(device.display()).isEqualTo(Display.BLACK);
            Framebuffer off = screenOf(ports);
            assertThat(distinctColours(off)).isEqualTo(1);
            assertThat(off.pixels()[0]).isEqualTo(Framebuffer.OPAQUE);

            assertThat(device.requestPowerState(2)).isZero();
            assertThat(device.display()).isEqualTo(Display.BOOTING);
            Framebuffer booting = screenOf(ports);
            assertThat(distinctColours(booting)).isGreaterThan(1);
        }
    }
}
