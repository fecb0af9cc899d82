package dev.outband.simulator.net;

import dev.outband.wsman.discovery.MalformedPacketException;
import dev.outband.wsman.discovery.PresencePing;
import dev.outband.wsman.discovery.RmcpCodec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers ASF presence pings on a device's own loopback address, as AMT does on UDP 623. */
public final class PresenceResponder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PresenceResponder.class);
    /** Larger than a ping; a longer datagram is cut and then refused for its length field. */
    private static final int RECEIVE_BUFFER = 512;

    private final DatagramSocket socket;
    private final Function<PresencePing, byte[]> answer;
    private final Thread thread;

    private PresenceResponder(DatagramSocket socket, Function<PresencePing, byte[]> answer, String name) {
        this.socket = socket;
        this.answer = answer;
        this.thread = Thread.ofVirtual().name(name + "-rmcp").start(this::serve);
    }

    /** Binds {@code address}:{@code port} (623 needs root; tests and {@code outband sim} use a high port). */
    public static PresenceResponder start(String name, InetAddress address, int port,
            Function<PresencePing, byte[]> answer) throws IOException {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("virtual devices listen on loopback only, not " + address);
        }
        return new PresenceResponder(new DatagramSocket(new InetSocketAddress(address, port)), answer, name);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[RECEIVE_BUFFER];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] pong = answer.apply(RmcpCodec.decodePing(buffer, packet.getLength()));
                socket.send(new DatagramPacket(pong, pong.length, packet.getSocketAddress()));
            } catch (MalformedPacketException e) {
                // AMT stays silent on anything but a ping.
                log.debug("not a presence ping from {}: {}", packet.getAddress(), e.getMessage());
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.debug("presence answer failed: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
