package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class LogsAndInventoryEndToEndTest {
    @Test
    void powerActionsLeaveReadableEventAndAuditRecordsNewestEventFirst() throws Exception {
        try (Fixture sim = new Fixture()) {
            AmtClient client = sim.client();
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            client.power().perform(PowerAction.OFF);
            client.power().perform(PowerAction.ON_TO_BIOS);

            List<EventRecord> events = client.logs().events();
            assertThat(events).extracting(EventRecord::description)
                    .containsExactly("User-initiated system setup", "S5/G2 soft-off");
            assertThat(events.getFirst().text()).contains("Monitor", "BIOS", "System firmware progress");
            assertThat(events).allSatisfy(e -> assertThat(e.time()).isBetween(before, Instant.now()));

            List<AuditRecord> audit = client.logs().audit();
            assertThat(audit).extracting(AuditRecord::application, AuditRecord::event, AuditRecord::initiator)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Remote Control", "Performed power down", "admin"),
                            org.assertj.core.groups.Tuple.tuple("Remote Control", "Performed power up", "admin"));
        }
    }

    @Test
    void moreThanOnePageOfAuditRecordsIsReadCompletely() throws Exception {
        try (Fixture sim = new Fixture()) {
            AmtClient client = sim.client();
            for (int i = 0; i < 12; i++) {
                client.power().perform(i % 2 == 0 ? PowerAction.OFF : PowerAction.ON);
            }
            assertThat(client.logs().audit()).hasSize(12);
        }
    }

    @Test
    void theHardwareInventoryMatchesTheVirtualMachine() throws Exception {
        try (Fixture sim = new Fixture()) {
            HardwareInventory hw = sim.client().hardware().read();
            var expected = sim.device.config().hardware();
            assertThat(hw.manufacturer()).isEqualTo(expected.manufacturer());
            assertThat(hw.serialNumber()).isEqualTo(expected.serialNumber());
            assertThat(hw.biosVersion()).isEqualTo(expected.biosVersion());
            assertThat(hw.memoryBytes()).isEqualTo(expected.memoryBytes());
            assertThat(hw.processors()).singleElement().asString().contains("i7");
            assertThat(hw.storage()).hasSize(1);
        }
    }

    @Test
    void redirectionAndKvmAreSwitchedOnTheDevice() throws Exception {
        try (Fixture sim = new Fixture()) {
            var redirection = sim.client().redirection();
            redirection.enable(true, true, false);
            assertThat(redirection.status()).isEqualTo(new RedirectionStatus(true, true, true, false));
            assertThat(sim.device.redirection().kvm()).isFalse();
            redirection.enable(false, false, true);
            assertThat(redirection.status()).isEqualTo(new RedirectionStatus(true, false, false, true));
        }
    }
}
