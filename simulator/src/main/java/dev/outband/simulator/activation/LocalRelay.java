package dev.outband.simulator.activation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/**
 * Stands in for LMS: writes the server's HTTP bytes unchanged to the device's WS-Man port on loopback and reads
 * back what the device answers, as rpc-go's LMS connection does (internal/lm/service.go): one connection per
 * request, the reply complete at end of stream or after a short quiet gap once the first byte came.
 */
final class LocalRelay {
    /** The device's answer did not fit the relay's limit; the session ends. */
    static final class ResponseTooLarge extends IOException {
        ResponseTooLarge(int limit) {
            super("the device's response exceeds " + limit + " bytes");
        }
    }

    private final InetSocketAddress device;
    private final ActivationSettings settings;

    LocalRelay(InetSocketAddress device, ActivationSettings settings) {
        this.device = device;
        this.settings = settings;
    }

    /** The device's raw response, or empty when nothing came before the deadline (rpc-go then sends nothing). */
    Optional<byte[]> exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(device, (int) settings.deviceConnect().toMillis());
            socket.setSoTimeout((int) settings.deviceResponse().toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket);
        }
    }

    private Optional<byte[]> read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            if (response.size() + n > settings.maxResponseBytes()) {
                throw new ResponseTooLarge(settings.maxResponseBytes());
            }
            response.write(buffer, 0, n);
            socket.setSoTimeout((int) settings.deviceQuietGap().toMillis());
        }
        return response.size() == 0 ? Optional.empty() : Optional.of(response.toByteArray());
    }
}
