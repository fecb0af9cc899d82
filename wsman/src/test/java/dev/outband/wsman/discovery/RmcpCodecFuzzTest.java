package dev.outband.wsman.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: any datagram is a presence pong of 28 bytes or more, or refused with a reason; parsing
 * never throws anything else. Seeds: the BMC pong of Net::IPMI::PP's tests and an AMT pong from the fact
 * sheet's table ({@code RmcpCodecFuzzTestInputs/}).
 */
class RmcpCodecFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyDatagramIsAPongOrRefusedWithAReason(byte[] datagram) {
        try {
            PresencePong pong = RmcpCodec.decodePong(datagram, datagram.length);
            assertThat(datagram.length).isGreaterThanOrEqualTo(RmcpCodec.PONG_LENGTH);
            assertThat(pong.tag()).isBetween(0, 255);
        } catch (MalformedPacketException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
