package dev.outband.kvm.terminal;

import java.util.function.IntConsumer;

/**
 * Bytes to characters. {@link TextEncoding#CP437}: every byte as code page 437, what PC BIOSes send for their box
 * drawing (MeshCommander's default, "Extended ASCII"). {@link TextEncoding#UTF8}: what Linux serial consoles send;
 * a byte that is not part of a valid UTF-8 sequence still shows as code page 437. The two cannot be told apart
 * from the bytes ({@code C4 BF} is both "─┐" and "Ŀ"), so the user chooses.
 */
public final class ByteDecoder {
    /** IBM code page 437, bytes 0x80–0xFF. */
    static final String CP437_HIGH = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
            + "└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

    private final byte[] pending = new byte[4];
    private TextEncoding encoding = TextEncoding.CP437;
    private int have;
    private int need;

    public ByteDecoder() {
    }

    public ByteDecoder(TextEncoding encoding) {
        this.encoding = encoding;
    }

    void encoding(TextEncoding e) {
        have = 0;
        encoding = e;
    }

    TextEncoding encoding() {
        return encoding;
    }

    /** Feeds one byte of 0x80 or above, or a byte that follows such a byte; emits the characters now known. */
    void decode(int b, IntConsumer out) {
        if (have > 0) {
            if ((b & 0xC0) == 0x80) {
                pending[have++] = (byte) b;
                if (have == need) {
                    int cp = codePoint();
                    if (cp < 0) {
                        flush(out);
                    } else {
                        have = 0;
                        out.accept(cp);
                    }
                }
                return;
            }
            flush(out);
        }
        if (b < 0x80) {
            out.accept(b);
            return;
        }
        if (encoding == TextEncoding.CP437) {
            out.accept(CP437_HIGH.charAt(b - 0x80));
            return;
        }
        need = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (need == 0) {
            out.accept(CP437_HIGH.charAt(b - 0x80));
            return;
        }
        pending[0] = (byte) b;
        have = 1;
    }

    boolean pending() {
        return have > 0;
    }

    /** The bytes of an incomplete or invalid sequence, each as code page 437. */
    void flush(IntConsumer out) {
        for (int i = 0; i < have; i++) {
            out.accept(CP437_HIGH.charAt((pending[i] & 0xFF) - 0x80));
        }
        have = 0;
    }

    /** Bytes as text, a UTF-8 sequence cut between two calls included. */
    public String decode(byte[] data, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            decode(data[i] & 0xFF, sb::appendCodePoint);
        }
        return sb.toString();
    }

    private int codePoint() {
        int cp = pending[0] & (0x7F >> need);
        for (int i = 1; i < need; i++) {
            cp = cp << 6 | pending[i] & 0x3F;
        }
        int min = need == 2 ? 0x80 : need == 3 ? 0x800 : 0x10000;
        boolean valid = cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        return valid ? cp : -1;
    }
}
