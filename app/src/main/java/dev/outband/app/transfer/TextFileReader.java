package dev.outband.app.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a UTF-8 text file, refusing binary data (bytes that are no UTF-8, or control bytes other than
 * tab, line feed, form feed and carriage return) by the offset where it starts, and any byte past the
 * size limit. The JDK's own reader says only "Input length = 1" and reads on forever.
 */
final class TextFileReader extends Reader {
    private static final int CHUNK = 8192;

    private final InputStream in;
    private final long maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
    private long offsetOfBuffer;
    private boolean endOfInput;
    private boolean finished;
    private long binaryOffset = -1;

    private TextFileReader(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Opens {@code file} after checking its size, so that a huge file is refused without reading it. */
    static TextFileReader open(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new UnreadableText(tooLarge(size, maxBytes));
        }
        return new TextFileReader(Files.newInputStream(file), maxBytes);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (finished) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                throw new UnreadableText(binaryAt(offsetOfBuffer + bytes.position()));
            }
            int produced = out.position() - offset;
            if (result.isOverflow() || produced > 0) {
                return produced;
            }
            if (binaryOffset >= 0) {
                throw new UnreadableText(binaryAt(binaryOffset));
            }
            if (endOfInput) {
                finished = true;
                decoder.flush(out);
                produced = out.position() - offset;
                return produced > 0 ? produced : -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        offsetOfBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            int start = bytes.position();
            bytes.position(start + n);
            if (offsetOfBuffer + bytes.position() > maxBytes) {
                throw new UnreadableText(tooLarge(offsetOfBuffer + bytes.position(), maxBytes));
            }
            for (int i = start; i < start + n; i++) {
                if (isBinary(bytes.array()[i])) {
                    // Decode up to it: bytes that are no UTF-8 before it are reported first.
                    binaryOffset = offsetOfBuffer + i;
                    bytes.position(i);
                    break;
                }
            }
        }
        bytes.flip();
    }

    /** In UTF-8 a byte below 0x20 is always that ASCII control character. */
    private static boolean isBinary(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' || b == 0x7F;
    }

    private static String binaryAt(long offset) {
        return "not a text file (binary data at byte " + offset + ")";
    }

    private static String tooLarge(long size, long maxBytes) {
        return "the file is larger than a device list can be (" + size + " bytes; at most " + maxBytes
                + " are read, setting maxFileBytes)";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
