package dev.outband.simulator.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import javax.net.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts connections on a loopback port and serves each on its own virtual thread. */
public final class LoopbackAcceptor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoopbackAcceptor.class);

    private final ServerSocket server;
    private final ConnectionHandler handler;
    private final String name;

    private LoopbackAcceptor(ServerSocket server, ConnectionHandler handler, String name) {
        this.server = server;
        this.handler = handler;
        this.name = name;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port) and starts accepting.
     * Pass {@code SSLServerSocketFactory} for TLS ports.
     */
    public static LoopbackAcceptor start(String name, int port, ServerSocketFactory factory, ConnectionHandler handler)
            throws IOException {
        return start(name, InetAddress.getLoopbackAddress(), port, factory, handler);
    }

    /** Binds {@code address}:{@code port}; a loopback address such as 127.0.0.23 gives a device its own host. */
    public static LoopbackAcceptor start(String name, InetAddress address, int port, ServerSocketFactory factory,
            ConnectionHandler handler) throws IOException {
        Objects.requireNonNull(handler);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("virtual devices listen on loopback only, not " + address);
        }
        ServerSocket server = factory.createServerSocket(port, 200, address);
        LoopbackAcceptor acceptor = new LoopbackAcceptor(server, handler, name);
        Thread.ofVirtual().name(name + "-accept").start(acceptor::acceptLoop);
        return acceptor;
    }

    public static LoopbackAcceptor start(String name, InetAddress address, int port, ConnectionHandler handler)
            throws IOException {
        return start(name, address, port, ServerSocketFactory.getDefault(), handler);
    }

    public static LoopbackAcceptor start(String name, int port, ConnectionHandler handler) throws IOException {
        return start(name, port, ServerSocketFactory.getDefault(), handler);
    }

    public InetAddress address() {
        return server.getInetAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name(name + "-conn").start(() -> serve(socket));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                log.warn("{}: accept failed: {}", name, e.getMessage());
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            // Buffered: the HTTP and RFB readers read headers a byte at a time, a system call each unbuffered.
            handler.serve(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
        } catch (IOException e) {
            log.debug("{}: connection ended: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
