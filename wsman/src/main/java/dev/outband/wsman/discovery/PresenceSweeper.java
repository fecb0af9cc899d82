package dev.outband.wsman.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends presence pings to the hosts of a range from one UDP socket and hands each valid pong to the scan.
 * The tag of host i is i mod 256; a pong counts only from an address in the range, from the RMCP port,
 * carrying the tag that address was sent.
 */
final class PresenceSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PresenceSweeper.class);
    /** Larger than any pong: a bigger datagram is cut here and then refused for its length field. */
    private static final int RECEIVE_BUFFER = 512;

    private final AddressRange range;
    private final int port;
    private final BiConsumer<Integer, PresencePong> pongs;
    private final DatagramSocket socket;
    private final Thread receiver;

    private PresenceSweeper(AddressRange range, int port, BiConsumer<Integer, PresencePong> pongs)
            throws SocketException {
        this.range = range;
        this.port = port;
        this.pongs = pongs;
        this.socket = new DatagramSocket();
        this.receiver = Thread.ofVirtual().name("presence-pongs").start(this::receive);
    }

    /** {@code pongs} receives the index of the host in the range and its pong, on the receiving thread. */
    static PresenceSweeper open(AddressRange range, int port, BiConsumer<Integer, PresencePong> pongs)
            throws SocketException {
        return new PresenceSweeper(range, port, pongs);
    }

    /** Pings host {@code index} twice back to back, as MeshCommander does: one lost datagram loses no host. */
    void ping(int index) throws IOException {
        byte[] ping = RmcpCodec.encode(new PresencePing(index & 0xFF));
        DatagramPacket packet = new DatagramPacket(ping, ping.length, range.address(index), port);
        for (int i = 0; i < 2; i++) {
            try {
                socket.send(packet);
            } catch (IOException e) {
                if (socket.isClosed()) {
                    throw e;
                }
                // An unreachable network for one host is that host's silence, not the scan's end.
                log.debug("ping to {} not sent: {}", packet.getAddress().getHostAddress(), e.getMessage());
            }
        }
    }

    private void receive() {
        byte[] buffer = new byte[RECEIVE_BUFFER];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            InetAddress from = packet.getAddress();
            int index = range.indexOf(from);
            if (index < 0 || packet.getPort() != port) {
                continue;
            }
            try {
                PresencePong pong = RmcpCodec.decodePong(buffer, packet.getLength());
                if (pong.tag() == (index & 0xFF)) {
                    pongs.accept(index, pong);
                }
            } catch (MalformedPacketException e) {
                log.debug("{} answered no presence pong: {}", from.getHostAddress(), e.getMessage());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        receiver.join();
    }
}
