package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.RequestFailure;
import dev.outband.cira.apf.ApfMessage.RequestSuccess;
import dev.outband.cira.events.CiraEvent;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AMT forwards seven ports (16993, 16992, 664, 623, 16995, 16994, 5900, per the DMT MPS); a flood is refused. */
@Timeout(60)
class ForwardCapTest {
    private static final int[] AMT_PORTS = {16993, 16992, 664, 623, 16995, 16994, 5900};

    @Test
    void forwardsBeyondThePerDeviceCapAreRefusedAndNeverReachEvents() throws Exception {
        int cap = ListenerSettings.defaults().peerLimits().maxForwardsPerDevice();
        List<CiraEvent> events = new CopyOnWriteArrayList<>();
        try (CiraListener listener = ApfPeer.start(ApfPeer.settings()); ApfPeer device = new ApfPeer(listener)) {
            listener.subscribe(events::add);
            device.authenticateAndForward(ApfPeer.randomUuid(), AMT_PORTS[0]);
            for (int i = 1; i < AMT_PORTS.length; i++) {
                assertThat(device.forward(AMT_PORTS[i])).isEqualTo(new RequestSuccess(OptionalLong.of(AMT_PORTS[i])));
            }
            int refused = 0;
            for (int port = 20_000; port < 20_200; port++) {
                ApfMessage reply = device.forward(port);
                if (reply instanceof RequestFailure) {
                    refused++;
                }
            }

            assertThat(refused).isEqualTo(200 - (cap - AMT_PORTS.length));
            assertThat(listener.connectedDevices().getFirst().forwardedPorts()).hasSize(cap).contains(16992, 5900);
            assertThat(events).filteredOn(e -> e instanceof CiraEvent.PortsForwarded)
                    .allSatisfy(e -> assertThat(((CiraEvent.PortsForwarded) e).ports().size()).isLessThanOrEqualTo(cap));
        }
    }
}
