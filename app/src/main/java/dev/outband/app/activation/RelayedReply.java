package dev.outband.app.activation;

import dev.outband.wsman.WsmanException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.BufferUtil;

/**
 * A device's HTTP reply as the client relayed it (status line, headers, a chunked or sized body), read with
 * Jetty's own HTTP/1.1 parser; the body is bounded while it is collected.
 */
record RelayedReply(int status, List<String> wwwAuthenticate, byte[] body) {
    /** AMT's headers are a few hundred bytes; the whole reply is bounded by the settings. */
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    RelayedReply {
        wwwAuthenticate = List.copyOf(wwwAuthenticate);
    }

    static RelayedReply parse(byte[] bytes, int maxBodyBytes) throws WsmanException {
        Collector collector = new Collector(maxBodyBytes);
        HttpParser parser = new HttpParser(collector, MAX_HEADER_BYTES);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (!collector.complete && collector.failure == null && buffer.hasRemaining()) {
            parser.parseNext(buffer);
        }
        if (!collector.complete && collector.failure == null) {
            // A body without a length ends where the relayed bytes end.
            parser.atEOF();
            parser.parseNext(BufferUtil.EMPTY_BUFFER);
        }
        if (collector.failure != null) {
            throw new WsmanException.MalformedReply("the device's reply, relayed by the client, " + collector.failure,
                    null);
        }
        if (!collector.complete) {
            throw new WsmanException.MalformedReply("the device's reply, relayed by the client, ends before its body"
                    + " does (" + bytes.length + " bytes)", null);
        }
        return new RelayedReply(collector.status, collector.challenges, collector.body.toByteArray());
    }

    private static final class Collector implements HttpParser.ResponseHandler {
        private final int maxBodyBytes;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final List<String> challenges = new ArrayList<>();
        private int status;
        private boolean complete;
        private String failure;

        Collector(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public void startResponse(HttpVersion version, int code, String reason) {
            status = code;
        }

        @Override
        public void parsedHeader(HttpField field) {
            if (field.getHeader() == HttpHeader.WWW_AUTHENTICATE) {
                challenges.add(field.getValue());
            }
        }

        @Override
        public boolean headerComplete() {
            return false;
        }

        @Override
        public boolean content(ByteBuffer item) {
            if (body.size() + item.remaining() > maxBodyBytes) {
                failure = "is larger than " + maxBodyBytes + " bytes";
                return true;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            body.writeBytes(chunk);
            return false;
        }

        @Override
        public boolean contentComplete() {
            return false;
        }

        @Override
        public boolean messageComplete() {
            complete = true;
            return true;
        }

        @Override
        public void earlyEOF() {
            failure = "ends before its body does";
        }

        @Override
        public void badMessage(org.eclipse.jetty.http.HttpException bad) {
            failure = "is not HTTP/1.1 (" + bad.getReason() + ")";
        }
    }
}
