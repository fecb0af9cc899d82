package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.CiraTunnels;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The owner's door over loopback: who may ask, and what a hostile asker gets. */
@Timeout(60)
class OwnerDoorLimitsTest {
    @TempDir
    Path home;

    @Test
    void aWrongTokenAndAnOversizedFrameGetAClosedDoorAndTheNextCommandIsStillRun() throws Exception {
        DoorSettings settings = DoorSettings.defaults();
        try (DeviceStore store = DeviceStore.open(home, () -> null);
             OwnerDoor door = OwnerDoor.open(store, CiraTunnels.NONE, Map.of("OUTBAND_HOME", home.toString()), settings)) {
            store.devices().insert(Device.of("lab-pc-1", "192.0.2.10"));
            int port = Integer.parseInt(Files.readString(home.resolve(OwnerDoor.DOOR_FILE)).split("\n")[0]);

            assertThat(answerTo(port, frame('T', "0".repeat(64).getBytes(StandardCharsets.US_ASCII))))
                    .as("a wrong token gets nothing back").isEqualTo(-1);
            byte[] huge = new byte[] {'T', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
            assertThat(answerTo(port, huge)).as("a length over the limit is refused before it is read").isEqualTo(-1);

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = OwnerDoorClient.forward(new String[] {"devices", "list"}, new CliContext(
                    Map.of("OUTBAND_HOME", home.toString()), InputStream.nullInputStream(), new PrintWriter(out),
                    new PrintWriter(err)), settings).orElseThrow();
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("lab-pc-1").contains("192.0.2.10");
        }
        assertThat(home.resolve(OwnerDoor.DOOR_FILE)).as("the door file goes with the door").doesNotExist();
    }

    @Test
    void withoutAnOwnerTheCommandRunsItselfAndAStaleDoorFileIsIgnored() throws Exception {
        Files.writeString(home.resolve(OwnerDoor.DOOR_FILE), "1\n" + "ab".repeat(32) + "\n");
        StringWriter out = new StringWriter();
        CliContext ctx = new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(OwnerDoorClient.forward(new String[] {"devices", "list"}, ctx, DoorSettings.defaults())).isEmpty();
        assertThat(Cli.run(new String[] {"devices", "list"}, ctx)).isZero();
        assertThat(out.toString()).startsWith("NAME");
    }

    /** The first byte the door sends back after {@code request}, or -1 when it closes; bounded by a read timeout. */
    private static int answerTo(int port, byte[] request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return socket.getInputStream().read();
        }
    }

    private static byte[] frame(char type, byte[] body) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        var data = new DataOutputStream(bytes);
        data.writeByte(type);
        data.writeInt(body.length);
        data.write(body);
        return bytes.toByteArray();
    }
}
