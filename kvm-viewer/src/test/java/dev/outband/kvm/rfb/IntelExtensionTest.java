package dev.outband.kvm.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Intel's KvmExtCmd rides in ClientCutText only when the console says the device supports it. */
@Timeout(10)
class IntelExtensionTest {

    @Test
    void kvmExtCmdIsRefusedUnlessTheSessionEnablesIt() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(8, 8), new byte[0], false);
                Socket socket = server.connect();
                RfbSession session = RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                        RfbOptions.vnc(null))) {
            assertThatThrownBy(() -> session.sendKvmExtCmd(2, 1))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("extensions are off");
        }
    }

    @Test
    void kvmExtCmdIsSentWhenEnabled() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(8, 8), new byte[0], false);
                Socket socket = server.connect();
                RfbSession session = RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                        RfbOptions.vnc(null).withIntelExtensions(true))) {
            session.sendKvmExtCmd(2, 1);
            byte[] expected = RfbCodec.encode(new ClientMessage.ClientCutText("\0KvmExtCmd\0\2\1".getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1)));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!java.util.HexFormat.of().formatHex(server.received()).contains(
                    java.util.HexFormat.of().formatHex(expected)) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(java.util.HexFormat.of().formatHex(server.received()))
                    .contains(java.util.HexFormat.of().formatHex(expected));
        }
    }
}
