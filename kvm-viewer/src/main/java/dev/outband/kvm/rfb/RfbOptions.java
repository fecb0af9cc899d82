package dev.outband.kvm.rfb;

import dev.outband.kvm.rfb.decode.Decoders;
import java.util.List;
import java.util.function.Function;

/**
 * How a viewer talks to one server.
 *
 * @param pixelFormat picks the format to request once the ServerInit is known
 * @param encodings pixel encodings in preference order (pseudo-encodings are added by the session)
 * @param password VNC password, or null
 * @param shared ClientInit shared flag
 * @param intelExtensions whether Intel's KvmExtCmd may be sent in ClientCutText
 */
public record RfbOptions(
        Function<ServerInit, PixelFormat> pixelFormat,
        List<Encoding> encodings,
        char[] password,
        boolean shared,
        boolean intelExtensions,
        RfbSettings settings) {

    public RfbOptions {
        encodings = List.copyOf(encodings);
    }

    /** A standard VNC server: 32 bpp, every encoding we decode, shared session. */
    public static RfbOptions vnc(char[] password) {
        return new RfbOptions(init -> PixelFormat.RGB888, Decoders.SUPPORTED, password, true, false,
                RfbSettings.defaults());
    }

    public RfbOptions withPixelFormat(PixelFormat format) {
        return new RfbOptions(init -> format, encodings, password, shared, intelExtensions, settings);
    }

    public RfbOptions withPixelFormat(Function<ServerInit, PixelFormat> policy) {
        return new RfbOptions(policy, encodings, password, shared, intelExtensions, settings);
    }

    public RfbOptions withEncodings(List<Encoding> list) {
        return new RfbOptions(pixelFormat, list, password, shared, intelExtensions, settings);
    }

    public RfbOptions withSettings(RfbSettings s) {
        return new RfbOptions(pixelFormat, encodings, password, shared, intelExtensions, s);
    }

    public RfbOptions withIntelExtensions(boolean enabled) {
        return new RfbOptions(pixelFormat, encodings, password, shared, enabled, settings);
    }
}
