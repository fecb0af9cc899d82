package dev.outband.cira.listener;

import static dev.outband.cira.listener.ApfPeer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.ApfMessage.KeepAliveReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthFailure;
import dev.outband.cira.apf.ApfMessage.UserAuthSuccess;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A live device's tunnel goes to nobody else: a second session for its UUID needs the same credentials. */
@Timeout(60)
class UuidTakeoverTest {
    private static final byte[] OTHER = "another-accepted-password".getBytes(StandardCharsets.UTF_8);

    private static ListenerSettings settings() {
        return ApfPeer.settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    @Test
    void credentialsThatAreAcceptedButDifferCannotReplaceALiveSession() throws Exception {
        // A check that admits two passwords (a rotation, or lab-wide next to per-device): both are valid logins.
        CiraCredentialCheck twoPasswords = (device, user, password) ->
                new CiraCredential(ApfPeer.USER, ApfPeer.PASSWORD).matches(user, password)
                        || new CiraCredential(ApfPeer.USER, OTHER).matches(user, password);
        DeviceUuid uuid = ApfPeer.randomUuid();
        try (CiraListener listener = CiraListener.start(settings(), ApfPeer.identity(), twoPasswords);
             ApfPeer device = new ApfPeer(listener);
             ApfPeer impostor = new ApfPeer(listener)) {
            device.authenticateAndForward(uuid, 16992);

            assertThat(impostor.login(uuid, ApfPeer.USER, OTHER)).isInstanceOf(UserAuthFailure.class);

            device.send(new KeepAliveRequest(3));
            assertThat(device.next(WAIT)).as("the device keeps its tunnel").isEqualTo(new KeepAliveReply(3));
            assertThat(listener.connectedDevices()).singleElement()
                    .satisfies(d -> assertThat(d.remoteAddress()).isNotNull());
        }
    }

    @Test
    void aDeviceWithCredentialsOfItsOwnCannotBeClaimedWithTheLabWidePassword() throws Exception {
        DeviceUuid own = ApfPeer.randomUuid();
        byte[] ownPassword = "per-device-0f3a".getBytes(StandardCharsets.UTF_8);
        CiraCredentialCheck check = CiraCredentialCheck.perDeviceThenLabWide(
                Map.of(own, new CiraCredential("cira-own", ownPassword)), ApfPeer.USER, ApfPeer.PASSWORD);
        try (CiraListener listener = CiraListener.start(settings(), ApfPeer.identity(), check);
             ApfPeer impostor = new ApfPeer(listener);
             ApfPeer device = new ApfPeer(listener);
             ApfPeer other = new ApfPeer(listener)) {
            assertThat(impostor.login(own, ApfPeer.USER, ApfPeer.PASSWORD)).isInstanceOf(UserAuthFailure.class);
            assertThat(device.login(own, "cira-own", ownPassword)).isInstanceOf(UserAuthSuccess.class);
            assertThat(other.login(ApfPeer.randomUuid(), ApfPeer.USER, ApfPeer.PASSWORD))
                    .as("a device without credentials of its own, by explicit choice").isInstanceOf(UserAuthSuccess.class);
        }
    }

    @Test
    void theSameDeviceReconnectingWithItsOwnCredentialsReplacesItsOldSession() throws Exception {
        DeviceUuid uuid = ApfPeer.randomUuid();
        CiraCredentialCheck perDevice = CiraCredentialCheck.perDevice(
                Map.of(uuid, new CiraCredential(ApfPeer.USER, ApfPeer.PASSWORD)));
        try (CiraListener listener = CiraListener.start(settings(), ApfPeer.identity(), perDevice);
             ApfPeer before = new ApfPeer(listener);
             ApfPeer after = new ApfPeer(listener)) {
            before.authenticateAndForward(uuid, 16992);

            assertThat(after.login(uuid, ApfPeer.USER, ApfPeer.PASSWORD)).isInstanceOf(UserAuthSuccess.class);

            assertThat(before.closedWithin(WAIT)).as("the old session was replaced").isTrue();
        }
    }
}
