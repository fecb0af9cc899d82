package dev.outband.simulator.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LoopbackAcceptorTest {
    @Test
    void eachConnectionIsServedByTheHandlerOnLoopback() throws IOException {
        ConnectionHandler upperCaseEcho = (in, out) -> {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                out.write(Character.toUpperCase(b));
            }
            out.flush();
        };
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("echo", 0, upperCaseEcho)) {
            for (String word : new String[] {"amt", "kvm"}) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), acceptor.port())) {
                    s.getOutputStream().write((word + "\n").getBytes());
                    byte[] reply = new DataInputStream(s.getInputStream()).readNBytes(3);
                    assertThat(new String(reply)).isEqualTo(word.toUpperCase());
                }
            }
        }
    }
}
