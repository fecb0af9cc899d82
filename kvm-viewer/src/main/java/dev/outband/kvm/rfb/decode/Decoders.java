package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Encoding;
import java.util.List;

/** One connection's decoders; closing it ends the ZRLE inflater. */
public final class Decoders implements AutoCloseable {
    /** Encodings we decode, in the order we prefer them. */
    public static final List<Encoding> SUPPORTED = List.of(
            Encoding.ZRLE, Encoding.TRLE, Encoding.HEXTILE, Encoding.RRE, Encoding.COPY_RECT, Encoding.RAW);

    private final RawDecoder raw = new RawDecoder();
    private final CopyRectDecoder copyRect = new CopyRectDecoder();
    private final RreDecoder rre = new RreDecoder();
    private final HextileDecoder hextile = new HextileDecoder();
    private final TrleDecoder trle = new TrleDecoder();
    private final ZrleDecoder zrle = new ZrleDecoder();
    private final CursorDecoder cursor = new CursorDecoder();

    /** The decoder for a pixel-carrying encoding, or null. */
    public Decoder forEncoding(int id) {
        Encoding e = Encoding.of(id);
        if (e == null) {
            return null;
        }
        return switch (e) {
            case RAW -> raw;
            case COPY_RECT -> copyRect;
            case RRE -> rre;
            case HEXTILE -> hextile;
            case TRLE -> trle;
            case ZRLE -> zrle;
            default -> null;
        };
    }

    public CursorDecoder cursor() {
        return cursor;
    }

    @Override
    public void close() {
        zrle.close();
    }
}
