package dev.outband.simulator.kvm;

import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.ProtocolVersion;
import dev.outband.kvm.rfb.RfbCodec;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbSettings;
import dev.outband.kvm.rfb.SecurityType;
import dev.outband.kvm.rfb.ServerInit;
import dev.outband.simulator.net.ConnectionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * The virtual device's RFB server. AMT flavour: "RFB 004.000", security None/0x80, a 16 bpp RGB565
 * ServerInit, ZRLE or Raw in 64×64 rectangles with one zlib stream per connection, at most 16 bpp.
 * Standard flavour (port-5900 style): RFB 3.8, None, 32 bpp, ZRLE/TRLE/Raw.
 */
public final class RfbServer implements ConnectionHandler {
    public enum Flavour { AMT, STANDARD }

    public static final String AMT_NAME = "Intel(r) AMT KVM";

    private final Flavour flavour;
    private final SyntheticScreen screen;
    private final Supplier<ScreenMode> mode;
    private final InstantSource clock;
    private final boolean storedBlocks;
    private final Supplier<List<String>> firmware;

    /**
     * @param mode what the screen shows, asked before each frame (the power-state model supplies it)
     * @param clock time for the desktop clock and the moving windows (fixed in tests)
     * @param storedBlocks send ZRLE as uncompressed deflate blocks, as some AMT firmware does
     */
    public RfbServer(Flavour flavour, int width, int height, Supplier<ScreenMode> mode, InstantSource clock,
            boolean storedBlocks) {
        this(flavour, width, height, mode, clock, storedBlocks, List::of);
    }

    /** @param firmware lines the firmware prints on the boot screen, asked before each frame */
    public RfbServer(Flavour flavour, int width, int height, Supplier<ScreenMode> mode, InstantSource clock,
            boolean storedBlocks, Supplier<List<String>> firmware) {
        this.firmware = firmware;
        this.flavour = flavour;
        this.screen = new SyntheticScreen(width, height);
        this.mode = mode;
        this.clock = clock;
        this.storedBlocks = storedBlocks;
    }

    /** An AMT-style 800×600 server on the system clock. */
    public static RfbServer amt(Supplier<ScreenMode> mode) {
        return amt(mode, List::of);
    }

    /** The same, showing what the firmware printed on its boot screen. */
    public static RfbServer amt(Supplier<ScreenMode> mode, Supplier<List<String>> firmware) {
        return new RfbServer(Flavour.AMT, 800, 600, mode, InstantSource.system(), false, firmware);
    }

    public Flavour flavour() {
        return flavour;
    }

    @Override
    public void serve(InputStream input, OutputStream out) throws IOException {
        RfbInput in = new RfbInput(input);
        RfbCodec codec = new RfbCodec(RfbSettings.defaults());
        boolean amt = flavour == Flavour.AMT;
        out.write(RfbCodec.encodeVersion(amt ? ProtocolVersion.AMT : ProtocolVersion.V3_8));
        out.flush();
        ProtocolVersion client = codec.readVersion(in);
        if (!client.atLeast(ProtocolVersion.V3_7)) {
            throw new IOException("the simulator speaks RFB 3.7 and later, the viewer asked for " + client);
        }
        out.write(amt ? new byte[] {2, SecurityType.NONE, (byte) SecurityType.AMT_PROPRIETARY}
                : new byte[] {1, SecurityType.NONE});
        out.flush();
        int chosen = in.u8();
        if (chosen != SecurityType.NONE) {
            out.write(new byte[] {0, 0, 0, 1});
            out.write(RfbCodec.encodeString("only security type None is offered here"));
            out.flush();
            return;
        }
        out.write(new byte[4]);
        in.u8();
        PixelFormat format = amt ? PixelFormat.RGB565 : PixelFormat.RGB888;
        out.write(RfbCodec.encode(new ServerInit(screen.width(), screen.height(), format,
                amt ? AMT_NAME : "Outband simulator")));
        out.flush();
        try (RfbConnection conn = new RfbConnection(this, in, out, codec, format)) {
            conn.run();
        }
    }

    /**
     * Refuses the session in the RFB handshake, as AMT closes a KVM session: the version exchange, then no
     * security types and the reason string.
     */
    public void refuse(InputStream input, OutputStream out, String reason) throws IOException {
        RfbInput in = new RfbInput(input);
        out.write(RfbCodec.encodeVersion(flavour == Flavour.AMT ? ProtocolVersion.AMT : ProtocolVersion.V3_8));
        out.flush();
        new RfbCodec(RfbSettings.defaults()).readVersion(in);
        out.write(0);
        out.write(RfbCodec.encodeString(reason));
        out.flush();
    }

    SyntheticScreen screen() {
        return screen;
    }

    ScreenMode mode() {
        return mode.get();
    }

    List<String> firmware() {
        return firmware.get();
    }

    long epochSecond() {
        return clock.instant().getEpochSecond();
    }

    boolean storedBlocks() {
        return storedBlocks;
    }
}
