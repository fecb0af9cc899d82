package dev.outband.kvm.sol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: whatever a device sends after authentication, starting SOL and reading the serial stream
 * ends with the stream's end or an {@link IOException} that says what was wrong.
 */
class SolFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyDeviceStreamReadsAsSerialBytesOrFailsWithAMessage(byte[] device) {
        try (SolSession session = SolSession.start(new ByteArrayInputStream(device), OutputStream.nullOutputStream(),
                () -> { }, SolSettings.defaults())) {
            InputStream serial = session.serialInput();
            long total = 0;
            while (serial.read(new byte[512]) >= 0) {
                total++;
            }
            assertThat(total).isLessThanOrEqualTo(device.length);
        } catch (EOFException endOfInput) {
            assertThat(endOfInput.getMessage()).isNotBlank();
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }
}
