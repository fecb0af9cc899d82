package dev.outband.wsman.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Expected bytes and values come from outside: the ping and the AMT pong layout from the fact sheet
 * (MeshCommander's {@code amt-scanner-0.1.0.js} and MeshCentral's {@code amtscanner.js}, FreeIPMI's
 * {@code rmcp-cmds-templates.h}), and a pong captured from a BMC in Net::IPMI::PP's test suite
 * (github.com/PeterMartini/net-ipmi-pp, {@code t/03rmcp-pong.t}).
 */
@Timeout(30)
class RmcpCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Net::IPMI::PP t/03rmcp-pong.t: a BMC's pong (IANA 4542 as the OEM, IPMI and ASF 1.0, sequence 0xFF). */
    private static final byte[] BMC_PONG =
            HEX.parseHex("0600ff06000011be40000010" + "000011be000000008100000000000000");
    /**
     * An AMT pong written by hand from the fact sheet's table: tag 0x2A, Intel's IANA 0x157, port 16992 (0x4260),
     * version byte 0xB8 (11.8), state byte 0x06 (post-provisioned, both ports), entities 0x01, interactions 0x20.
     */
    private static final byte[] AMT_PONG = HEX.parseHex("0600ff06000011be402a0010" + "00000157" + "4260" + "b8" + "06"
            + "01" + "20" + "000000000000");

    @Test
    void thePingIsTheTwelveBytesMeshCommanderSends() {
        assertThat(HEX.formatHex(RmcpCodec.encode(new PresencePing(0x2A)))).isEqualTo("06000006000011be802a0000");
    }

    @Test
    void aBmcPongCapturedInPublicParsesAndIsNotIntel() throws Exception {
        assertThat(BMC_PONG).hasSize(28);
        PresencePong pong = RmcpCodec.decodePong(BMC_PONG, BMC_PONG.length);
        assertThat(pong.tag()).isZero();
        assertThat(pong.oemIana()).isEqualTo(4542);
        assertThat(pong.entities()).isEqualTo(0x81);
        assertThat(pong.interactions()).isZero();
        assertThat(pong.intel()).isFalse();
    }

    @Test
    void anAmtPongGivesPortVersionProvisioningAndTheTlsBit() throws Exception {
        PresencePong pong = RmcpCodec.decodePong(AMT_PONG, AMT_PONG.length);
        assertThat(pong).isEqualTo(new PresencePong(0x2A, 343, 16992, 11, 8, ProvisioningState.POST, true, 0x01,
                0x20));
        assertThat(pong.intel()).isTrue();
        assertThat(pong.version()).isEqualTo("11.8");
    }

    @Test
    void theEncoderWritesTheSameBytesAsTheTable() {
        PresencePong pong = new PresencePong(0x2A, 343, 16992, 11, 8, ProvisioningState.POST, true, 0x01, 0x20);
        assertThat(HEX.formatHex(RmcpCodec.encode(pong))).isEqualTo(HEX.formatHex(AMT_PONG));
    }

    @Test
    void provisioningBitsReadAsPreInAndPost() throws Exception {
        for (int bits = 0; bits < 3; bits++) {
            byte[] p = AMT_PONG.clone();
            p[19] = (byte) bits;
            PresencePong pong = RmcpCodec.decodePong(p, p.length);
            assertThat(pong.provisioning()).isEqualTo(ProvisioningState.values()[bits]);
            assertThat(pong.bothPorts()).isFalse();
        }
        byte[] undefined = AMT_PONG.clone();
        undefined[19] = 0x03;
        assertThat(RmcpCodec.decodePong(undefined, undefined.length).provisioning()).isNull();
    }

    @Test
    void aShortPacketIsRefusedWithItsLength() {
        assertThatThrownBy(() -> RmcpCodec.decodePong(AMT_PONG, 20))
                .isInstanceOf(MalformedPacketException.class).hasMessage("20 bytes, a presence pong has 28");
    }

    @Test
    void eachWrongHeaderFieldIsNamed() {
        assertRefused(0, 0x07, "RMCP version 0x07, not 0x06");
        assertRefused(3, 0x07, "message class 0x07, not ASF (0x06)");
        assertRefused(7, 0xBF, "IANA 4543, not ASF's 4542");
        assertRefused(8, 0x80, "ASF message type 0x80, not a presence pong (0x40)");
        assertRefused(11, 0x08, "data length 8, a presence pong carries 16");
    }

    @Test
    void aPingIsNotAPongAndAPongIsNotAPing() {
        byte[] ping = RmcpCodec.encode(new PresencePing(1));
        assertThatThrownBy(() -> RmcpCodec.decodePong(ping, ping.length)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> RmcpCodec.decodePing(AMT_PONG, AMT_PONG.length))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("not a presence ping");
    }

    @Test
    void aLengthBeyondTheBufferIsRefusedNotRead() {
        assertThatThrownBy(() -> RmcpCodec.decodePong(new byte[10], 28)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> RmcpCodec.decodePong(null, 0)).isInstanceOf(MalformedPacketException.class);
    }

    /** Fixed seed, so a failure repeats: random packets and mutated pongs never throw anything undeclared. */
    @Test
    void anyBytesParseToAPongOrTheDeclaredRefusal() {
        Random random = new Random(20261206);
        int parsed = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] packet;
            if (i % 2 == 0) {
                packet = new byte[random.nextInt(64)];
                random.nextBytes(packet);
            } else {
                packet = AMT_PONG.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    packet[random.nextInt(packet.length)] = (byte) random.nextInt(256);
                }
            }
            int length = random.nextInt(packet.length + 1);
            try {
                PresencePong pong = RmcpCodec.decodePong(packet, length);
                assertThat(length).isGreaterThanOrEqualTo(RmcpCodec.PONG_LENGTH);
                assertThat(pong.port()).isBetween(0, 65_535);
                assertThat(pong.versionMajor()).isBetween(0, 15);
                parsed++;
            } catch (MalformedPacketException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(parsed).as("mutated pongs that stay valid").isPositive();
    }

    private static void assertRefused(int offset, int value, String reason) {
        byte[] p = AMT_PONG.clone();
        p[offset] = (byte) value;
        assertThatThrownBy(() -> RmcpCodec.decodePong(p, p.length))
                .isInstanceOf(MalformedPacketException.class).hasMessage(reason);
    }
}
