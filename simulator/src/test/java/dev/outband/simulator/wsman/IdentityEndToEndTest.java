package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.soap.CimObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class IdentityEndToEndTest {
    @Test
    void identityComesFromTheDevicesOwnState() throws Exception {
        try (Fixture sim = new Fixture()) {
            AmtIdentity id = sim.client().identity().read();
            assertThat(id.amtVersion()).isEqualTo("16.1.25");
            assertThat(id.provisioningMode()).isEqualTo(AmtIdentity.ProvisioningMode.CLIENT_CONTROL);
            assertThat(id.provisioningState()).isEqualTo(AmtIdentity.ProvisioningState.POST_PROVISIONING);
            assertThat(id.hostName()).isEqualTo("sim-1");
            assertThat(id.digestRealm()).isEqualTo(sim.device.digestRealm()).matches("Digest:[0-9A-F]{32}");
            assertThat(id.uuid()).isEqualTo(sim.device.uuid());
        }
    }

    @Test
    void enumerationPagesThroughEveryItemUntilEndOfSequence() throws Exception {
        try (Fixture sim = new Fixture()) {
            List<CimObject> items = sim.client(sim.device.credentials(), WsmanSettings.defaults().withPullMaxElements(2))
                    .wsman().enumerate("CIM_SoftwareIdentity");
            assertThat(items).extracting(o -> o.get("InstanceID"))
                    .containsExactly("Flash", "Netstack", "AMTApps", "AMT", "Sku", "VendorID", "Build Number",
                            "Recovery Version", "Recovery Build Num", "Legacy Mode", "AMT FW Core Version");
        }
    }
}
