package dev.outband.wsman.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers each request with the bytes {@code handler} returns, so
 * tests control every header exactly (two WWW-Authenticate lines, odd challenges). Bounded in connections
 * and requests per connection.
 */
final class RawHttpServer implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 20;
    private static final int MAX_REQUESTS_PER_CONNECTION = 20;
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    /** One request as received. */
    record Request(String method, String path, List<String> headerLines, byte[] body) {
        /** Every value of a header, in order. */
        List<String> headers(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).toList();
        }

        String header(String name) {
            List<String> all = headers(name);
            return all.isEmpty() ? null : all.getFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final Function<Request, String> handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    RawHttpServer(Function<Request, String> handler) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.handler = handler;
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** A complete response with a body and its Content-Length. */
    static String response(String status, List<String> headers, String body) {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        headers.forEach(h -> b.append(h).append("\r\n"));
        return b.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n")
                .append(body).toString();
    }

    private void acceptLoop() {
        for (int i = 0; i < MAX_CONNECTIONS && !server.isClosed(); i++) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < MAX_REQUESTS_PER_CONNECTION; i++) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                out.write(handler.apply(request).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientLeft) {
            // The client closed the connection; nothing left to serve.
        } finally {
            open.remove(s);
        }
    }

    /** Reads one request (head and Content-Length body); null at a clean end of stream. */
    static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("request cut short");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head too long");
            }
        }
        List<String> lines = new ArrayList<>(List.of(head.toString(StandardCharsets.ISO_8859_1).split("\r\n")));
        String[] start = lines.removeFirst().split(" ");
        Request partial = new Request(start[0], start[1], lines, new byte[0]);
        String length = partial.header("Content-Length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return new Request(start[0], start[1], lines, body);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        acceptor.join(Duration.ofSeconds(5));
    }
}
