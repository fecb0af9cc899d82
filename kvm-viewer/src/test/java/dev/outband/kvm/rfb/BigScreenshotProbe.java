package dev.outband.kvm.rfb;

import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.PngWriter;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in its own JVM with a small heap: a real session to a loopback server sends one RRE rectangle covering a
 * {@code side}² screen (a few bytes for a full frame), then the screenshot path runs (grab, PNG). Prints the
 * heap's peak use.
 */
public final class BigScreenshotProbe {
    private BigScreenshotProbe() {}

    public static void main(String[] args) throws Exception {
        int side = Integer.parseInt(args[0]);
        Path png = Path.of(args[1]);
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        // RFC 6143 7.6.1 and 7.7.3: one RRE rectangle, grey background, one red subrectangle.
        script.writeBytes(new byte[] {0, 0, 0, 1});
        script.writeBytes(RfbCodec.encode(new RectHeader(0, 0, side, side, 2)));
        script.writeBytes(new byte[] {0, 0, 0, 1, 0x40, 0x40, 0x40, 0, 0, 0, (byte) 0xFF, 0});
        script.writeBytes(new byte[] {0, 0x10, 0, 0x10, 0, 0x20, 0, 0x20});
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(side, side), script.toByteArray(),
                false);
                Socket socket = server.connect();
                RfbSession session = RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                        RfbOptions.vnc(null))) {
            Framebuffer frame = FrameGrabber.grab(session, Duration.ofSeconds(60));
            PngWriter.write(frame, png);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("written, heap peak " + peak / (1024 * 1024) + " MiB");
    }
}
