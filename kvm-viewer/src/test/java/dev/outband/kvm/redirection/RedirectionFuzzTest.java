package dev.outband.kvm.redirection;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: the redirection layer before RFB starts. Whatever a device sends, the console's
 * KVM handshake (start session, auth query, digest challenge, start KVM) completes or throws an
 * {@link IOException}; whatever a console sends, the device side's reader returns messages or throws
 * one. Seeds are byte traces written from the redirection notes (MeshCommander's published AMT KVM
 * trace): {@code RedirectionFuzzTestInputs/<target>/}.
 */
class RedirectionFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyDeviceReplyEndsTheKvmHandshakeOrFailsWithAnIoError(byte[] device) {
        try {
            RedirectionClient.openKvm(new ByteArrayInputStream(device), OutputStream.nullOutputStream(),
                    new AmtCredentials("admin", "P@ssw0rd!".toCharArray()));
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyConsoleMessageStreamReadsAsMessagesOrFailsWithAnIoError(byte[] console) {
        InputStream in = new ByteArrayInputStream(console);
        try {
            while (true) {
                RedirectionMessage m = RedirectionCodec.readFromConsole(in);
                if (m instanceof RedirectionMessage.Authenticate a && a.authType() == RedirectionMessage.AUTH_DIGEST) {
                    readDigest(a.data());
                }
            }
        } catch (EOFException endOfInput) {
            assertThat(console.length).isNotNegative();
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }

    /** The device reads either the first digest step (user and URI) or the response. */
    private static void readDigest(byte[] data) {
        try {
            DigestAuth.decodeResponse(data);
        } catch (RedirectionException notAResponse) {
            try {
                DigestAuth.decodeRequest(data);
            } catch (RedirectionException expected) {
                assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
            }
        }
    }
}
