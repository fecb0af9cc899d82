package dev.outband.simulator.ider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.ider.AtapiResponder;
import dev.outband.kvm.ider.BootMedia;
import dev.outband.kvm.ider.IderConnector;
import dev.outband.kvm.ider.IderListener;
import dev.outband.kvm.ider.IderSession;
import dev.outband.kvm.ider.IderSettings;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.decode.PixelReader;
import dev.outband.kvm.rfb.encode.PixelPacker;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Display;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.ScreenMode;
import dev.outband.simulator.kvm.ScreenState;
import dev.outband.simulator.kvm.SyntheticScreen;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.power.IderBoot;
import dev.outband.wsman.http.DigestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console serves an ISO over IDE-R, boots the virtual device from it with power action 202, and the device's
 * firmware reads the exact bytes the ISO holds at the offsets ECMA-119 and El Torito give; its KVM screen shows
 * what it read. (Through a CIRA tunnel: {@code IderThroughTunnelTest}.)
 */
@Timeout(60)
public class IderBootTest {
    public static final String USER = "admin";
    public static final String PASSWORD = "Ider-Passw0rd";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void theFirmwareReadsTheIsosBootSectorsOverADirectConnection() throws Exception {
        VirtualDevice device = device();
        byte[] iso = BootableIso.build();
        Path file = Files.write(dir.resolve("boot.iso"), iso);
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            AmtClient amt = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", ports.httpPort(),
                    new DigestCredentials(USER, PASSWORD)));
            bootFromIso(amt, SocketFactory.getDefault(), ports.kvmPort(), file, device, iso);
            assertTheScreenShows(device.ider().readout().lines(), ports.kvmPort());
        }
    }

    @Test
    void aDeviceWithIderTurnedOffRefusesTheSessionInWords() throws Exception {
        VirtualDevice device = device();
        device.redirection().setFeatures(false, false);
        Path file = Files.write(dir.resolve("boot.iso"), BootableIso.build());
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null);
                BootMedia cd = BootMedia.open(BootMedia.Kind.CD, file)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> IderConnector.open(SocketFactory.getDefault(),
                            "127.0.0.1", ports.kvmPort(), credentials(), new AtapiResponder(cd, null),
                            IderSettings.defaults()))
                    .isInstanceOf(RedirectionException.class).hasMessage("IDE-R is disabled on this device");
        }
    }

    /** A device that needs no consent, stays on its boot screen, and has IDE-R turned on. */
    public static VirtualDevice device() {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("ider-pc", USER, PASSWORD).withOptInRequired(0)
                .withBootDuration(Duration.ofMinutes(5)));
        device.redirection().setFeatures(true, false);
        return device;
    }

    public static AmtCredentials credentials() {
        return new AmtCredentials(USER, PASSWORD.toCharArray());
    }

    /**
     * Attaches {@code file} as the CD, boots the device from it, and checks the sectors the firmware read against
     * {@code iso}.
     */
    public static void bootFromIso(AmtClient amt, SocketFactory factory, int port, Path file, VirtualDevice device,
            byte[] iso) throws Exception {
        CountDownLatch attached = new CountDownLatch(1);
        try (BootMedia cd = BootMedia.open(BootMedia.Kind.CD, file);
                IderSession session = IderConnector.open(factory, "127.0.0.1", port, credentials(),
                        new AtapiResponder(cd, null), IderSettings.defaults())) {
            session.start(new IderListener() {
                @Override
                public void attached() {
                    attached.countDown();
                }
            });
            assertThat(attached.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("drives attached").isTrue();

            new IderBoot(amt.wsman()).perform(IderBoot.Action.RESET_TO_CD, false);
            assertThat(device.display()).isEqualTo(Display.IDER_BOOT);
            BootReadout readout = awaitBoot(device);

            Map<Long, byte[]> read = readout.sectors();
            assertThat(read.keySet()).containsExactlyInAnyOrder((long) BootableIso.PVD, (long) BootableIso.BOOT_RECORD,
                    (long) BootableIso.CATALOG, (long) BootableIso.BOOT_IMAGE);
            for (long lba : read.keySet()) {
                assertThat(read.get(lba)).as("sector %d", lba).isEqualTo(sector(iso, lba));
            }
            assertThat(readout.lines()).contains(
                    "IDE-R CD-ROM: IDE-R CD-ROM    , " + BootableIso.BLOCKS + " sectors of 2048 bytes",
                    "LBA 16: 01 43 44 30 30 31 01 00 4C 49 4E 55 58 20 20 20",
                    "Volume: " + BootableIso.VOLUME + "  (" + BootableIso.BLOCKS + " blocks)",
                    "El Torito boot catalog at LBA " + BootableIso.CATALOG,
                    "Boot image: LBA " + BootableIso.BOOT_IMAGE + ", 4 sectors of 512, media type 0",
                    "Boot image: " + hex(sector(iso, BootableIso.BOOT_IMAGE), 16) + " ... 55 AA");
            assertThat(session.bytesRead()).isEqualTo(4L * BootableIso.BLOCK);
        }
    }

    private static BootReadout awaitBoot(VirtualDevice device) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!device.ider().readout().finished() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        BootReadout readout = device.ider().readout();
        assertThat(readout.finished()).as("firmware finished: %s", readout.lines()).isTrue();
        return readout;
    }

    /** The KVM screen is the boot screen with the firmware's lines, at one of its four "Booting…" frames. */
    private static void assertTheScreenShows(List<String> lines, int kvmPort) throws Exception {
        Framebuffer fb;
        try (RfbSession kvm = AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", kvmPort, credentials(),
                AmtColourMode.RGB565, false, WAIT)) {
            fb = FrameGrabber.grab(kvm, WAIT);
        }
        PixelPacker packer = new PixelPacker(PixelFormat.RGB565);
        PixelReader reader = new PixelReader(PixelFormat.RGB565);
        SyntheticScreen screen = new SyntheticScreen(fb.width(), fb.height());
        long best = Long.MAX_VALUE;
        for (int second = 0; second < 4; second++) {
            int[] expected = screen.render(new ScreenState(ScreenMode.BOOTING, second, 0, 0, 0, "", lines));
            long differing = 0;
            for (int i = 0; i < expected.length; i++) {
                differing += fb.pixels()[i] != reader.toArgb(packer.value(expected[i])) ? 1 : 0;
            }
            best = Math.min(best, differing);
        }
        assertThat(best).as("pixels differing from the boot screen with the firmware's lines").isZero();
        int[] withoutLines = screen.render(new ScreenState(ScreenMode.BOOTING, 0, 0, 0, 0, ""));
        assertThat(Arrays.equals(withoutLines, screen.render(new ScreenState(ScreenMode.BOOTING, 0, 0, 0, 0, "",
                lines)))).as("the lines change the screen").isFalse();
    }

    private static byte[] sector(byte[] iso, long lba) {
        return Arrays.copyOfRange(iso, (int) lba * BootableIso.BLOCK, (int) (lba + 1) * BootableIso.BLOCK);
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(HexFormat.of().withUpperCase().toHexDigits(b[i]));
        }
        return s.toString();
    }
}
