package dev.outband.kvm.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: whatever a VNC server or AMT sends during version, security and ServerInit, the
 * handshake either yields a ServerInit within the limits or throws an {@link IOException}
 * (protocol, authentication or end of stream), never another exception. Seeds are server byte
 * streams written from RFC 6143 section 7.1–7.3 and AMT's "RFB 004.000" greeting:
 * {@code RfbHandshakeFuzzTestInputs/}.
 */
class RfbHandshakeFuzzTest {
    private static final RfbSettings SETTINGS = RfbSettings.defaults();

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyServerGreetingEndsInServerInitOrAnIoError(byte[] server) {
        RfbInput in = new RfbInput(new ByteArrayInputStream(server));
        try {
            ServerInit init = new RfbHandshake(new RfbCodec(SETTINGS))
                    .run(in, OutputStream.nullOutputStream(), "Secr3t!x".toCharArray(), true);
            assertThat(init.width()).isBetween(1, SETTINGS.maxWidth());
            assertThat(init.height()).isBetween(1, SETTINGS.maxHeight());
            assertThat(init.name().length()).isLessThanOrEqualTo(SETTINGS.maxReasonBytes());
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }
}
