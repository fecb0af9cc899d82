package dev.outband.kvm.sol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.redirection.RedirectionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The SOL wire layouts. Expected bytes are written by hand from MeshCommander's amt-redir-ws-0.1.0.js (the
 * start message it builds from MaxTxBuffer 10000, TxTimeout 100, TxOverflowTimeout 0, RxTimeout 10000,
 * RxFlushTimeout 100, Heartbeat 0; the fixed 0x27 message; 0x28 and 0x2A with a 16-bit length at offset 8; a
 * 23-byte 0x21; a 10-byte 0x29) and amtterm's RedirectionConstants.h (0x22/0x23 end, 0x24/0x25 ping).
 */
class SolCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theStartMessageCarriesMeshCommandersSettingsLittleEndian() {
        SolSettings s = SolSettings.defaults();
        assertThat(HEX.formatHex(SolCodec.encode(SolMessage.Start.of(1, s))))
                .isEqualTo("20000000" + "01000000" + "1027" + "6400" + "0000" + "1027" + "6400" + "0000" + "00000000");
    }

    @Test
    void theConsoleReadyMessageIsMeshCommandersFixedFourteenBytes() {
        assertThat(HEX.formatHex(SolCodec.encode(new SolMessage.ConsoleReady(2))))
                .isEqualTo("27000000" + "02000000" + "00001b000000");
    }

    @Test
    void keystrokesGoOutWithTheirLengthAtOffsetEight() {
        byte[] keys = "\u001b[B".getBytes(StandardCharsets.US_ASCII);
        assertThat(HEX.formatHex(SolCodec.encode(new SolMessage.DataToHost(0x01020304L, keys))))
                .isEqualTo("28000000" + "04030201" + "0300" + "1b5b42");
        assertThat(HEX.formatHex(SolCodec.encode(new SolMessage.Heartbeat(7)))).isEqualTo("2b00000007000000");
        assertThat(HEX.formatHex(SolCodec.encode(new SolMessage.End(8)))).isEqualTo("2200000008000000");
    }

    @Test
    void aDeviceStreamOfReplyLineStatusDataAndHeartbeatReadsInOrder() throws Exception {
        byte[] stream = HEX.parseHex("21000000" + "01000000" + "000000000000000000000000000000"
                + "29000000" + "02000000" + "0004"
                + "2a000000" + "03000000" + "0500" + "6c6f67696e"
                + "2b000000" + "04000000"
                + "23000000" + "05000000");
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        assertThat(SolCodec.readFromDevice(in)).isEqualTo(new SolMessage.StartReply(1, 0));
        assertThat(SolCodec.readFromDevice(in)).isEqualTo(new SolMessage.LineStatus(2, 0, 4));
        SolMessage.DataFromHost data = (SolMessage.DataFromHost) SolCodec.readFromDevice(in);
        assertThat(new String(data.data(), StandardCharsets.US_ASCII)).isEqualTo("login");
        assertThat(SolCodec.readFromDevice(in)).isEqualTo(new SolMessage.Heartbeat(4));
        assertThat(SolCodec.readFromDevice(in)).isEqualTo(new SolMessage.EndReply(5));
        assertThat(in.available()).isZero();
    }

    @Test
    void anUnknownIdEndsTheSessionNamingTheId() {
        // 0x40 is IDE-R's open message: never valid inside a SOL session.
        assertThatThrownBy(() -> SolCodec.readFromDevice(new ByteArrayInputStream(HEX.parseHex("4000000000000000"))))
                .isInstanceOf(RedirectionException.class).hasMessageContaining("0x40");
    }

    @Test
    void aDataMessageCutShortSaysSo() {
        assertThatThrownBy(() -> SolCodec.readFromDevice(new ByteArrayInputStream(
                HEX.parseHex("2a000000" + "03000000" + "ffff" + "41"))))
                .isInstanceOf(EOFException.class).hasMessageContaining("in the middle of message 0x2A");
    }

    @Test
    void theConsoleStartsWithSequenceOneAndNumbersEveryMessage() throws Exception {
        byte[] device = HEX.parseHex("21000000" + "01000000" + "000000000000000000000000000000");
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        SolSettings settings = new SolSettings(10_000, 100, 0, 10_000, 100, 0, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 2, Duration.ofMillis(10));
        SolSession session = SolSession.start(new ByteArrayInputStream(device), sent, () -> { }, settings);
        session.send("abc".getBytes(StandardCharsets.US_ASCII));
        session.close();
        ByteArrayInputStream wire = new ByteArrayInputStream(sent.toByteArray());
        assertThat(SolCodec.readFromConsole(wire)).isInstanceOf(SolMessage.Start.class)
                .extracting(SolMessage::seq).isEqualTo(1L);
        assertThat(SolCodec.readFromConsole(wire)).isEqualTo(new SolMessage.ConsoleReady(2));
        assertThat(((SolMessage.DataToHost) SolCodec.readFromConsole(wire)).data()).containsExactly('a', 'b');
        assertThat(((SolMessage.DataToHost) SolCodec.readFromConsole(wire)).data()).containsExactly('c');
        assertThat(SolCodec.readFromConsole(wire)).isEqualTo(new SolMessage.End(5));
    }
}
