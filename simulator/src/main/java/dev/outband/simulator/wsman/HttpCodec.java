package dev.outband.simulator.wsman;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests (Content-Length or chunked) within fixed limits, and writes responses framed
 * as AMT frames them: SOAP replies chunked, the 401 page with a Content-Length.
 */
public final class HttpCodec {
    private static final byte[] CRLF = {'\r', '\n'};

    private final HttpLimits limits;
    private final String serverName;

    /** @param serverName the Server header, as AMT names itself ("Intel(R) Active Management Technology …") */
    public HttpCodec(HttpLimits limits, String serverName) {
        this.limits = limits;
        this.serverName = serverName;
    }

    /** The next request, or null when the peer closed the connection between requests. */
    public HttpRequest read(InputStream in) throws IOException {
        String requestLine = line(in, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new HttpProtocolException("bad request line");
        }
        Map<String, String> headers = new HashMap<>();
        int headerBytes = requestLine.length();
        while (true) {
            String h = line(in, false);
            headerBytes += h.length() + 2;
            if (headerBytes > limits.maxHeaderBytes() || headers.size() > limits.maxHeaders()) {
                throw new HttpProtocolException("headers too large");
            }
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new HttpProtocolException("bad header");
            }
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        byte[] body;
        String te = headers.get("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new HttpProtocolException("bad Content-Length");
            }
            if (length < 0 || length > limits.maxBodyBytes()) {
                throw new HttpProtocolException("body too large");
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body truncated");
            }
        } else {
            body = new byte[0];
        }
        return new HttpRequest(parts[0], parts[1], headers, body);
    }

    public void write(OutputStream out, HttpResponse response, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(response.reason()).append("\r\n");
        // Header order as AMT writes it: a SOAP reply starts with Date and Server, the 401 names Server late.
        if (response.chunked()) {
            head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                    .append("\r\nServer: ").append(serverName).append("\r\n");
        }
        response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (response.chunked()) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else {
            head.append("Server: ").append(serverName).append("\r\n");
            head.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (response.closes() || !keepAlive) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (response.chunked()) {
            writeChunks(out, response.body());
        } else {
            out.write(response.body());
        }
        out.flush();
    }

    /** Chunk sizes as AMT writes them: four upper-case hex digits; then the zero chunk that ends the reply. */
    private void writeChunks(OutputStream out, byte[] body) throws IOException {
        for (int offset = 0; offset < body.length; offset += limits.replyChunkBytes()) {
            int length = Math.min(limits.replyChunkBytes(), body.length - offset);
            out.write(String.format("%04X\r\n", length).getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.write(CRLF);
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in, false);
            int semi = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new HttpProtocolException("bad chunk size");
            }
            if (size < 0 || body.size() + size > limits.maxBodyBytes()) {
                throw new HttpProtocolException("body too large");
            }
            if (size == 0) {
                while (!line(in, false).isEmpty()) {
                    // trailers are read and ignored
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new EOFException("chunk truncated");
            }
            body.write(chunk);
            line(in, false);
        }
    }

    private String line(InputStream in, boolean eofAllowed) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (eofAllowed && sb.isEmpty()) {
                    return null;
                }
                throw new EOFException("connection closed mid-request");
            }
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() >= limits.maxHeaderBytes()) {
                throw new HttpProtocolException("line too long");
            }
            sb.append((char) b);
        }
    }

    /** The request broke HTTP rules; the server answers 400 and closes. */
    public static final class HttpProtocolException extends IOException {
        public HttpProtocolException(String message) {
            super(message);
        }
    }
}
