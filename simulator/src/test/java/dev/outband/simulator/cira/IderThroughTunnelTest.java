package dev.outband.simulator.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraListener;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.ider.BootableIso;
import dev.outband.simulator.ider.IderBootTest;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** IDE-R inside an APF channel: the firmware reads the same exact ISO bytes as over a direct connection. */
@Timeout(60)
class IderThroughTunnelTest {
    @Test
    void theFirmwareReadsTheIsosBootSectorsThroughACiraTunnel(@TempDir Path dir) throws Exception {
        VirtualDevice device = IderBootTest.device();
        byte[] iso = BootableIso.build();
        Path file = Files.write(dir.resolve("boot.iso"), iso);
        DeviceUuid uuid = CiraTestLab.randomUuid();
        try (CiraListener listener = CiraTestLab.startListener(CiraTestLab.settings());
                CiraClient client = CiraTestLab.connect(listener, uuid,
                        Map.of(16992, device.wsmanHandler(), 16994, DeviceScreen.redirectionServer(device)))) {
            SocketFactory tunnel = listener.socketFactory(uuid);
            AmtClient amt = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", 16992,
                    new DigestCredentials(IderBootTest.USER, IderBootTest.PASSWORD)).withSocketFactory(tunnel));
            IderBootTest.bootFromIso(amt, tunnel, 16994, file, device, iso);
        }
    }
}
