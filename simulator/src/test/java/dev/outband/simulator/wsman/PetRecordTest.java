package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.simulator.device.PetEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class PetRecordTest {
    /**
     * The expected record is one a real AMT sent, recorded in the public go-wsman-messages repository
     * (pkg/wsman/wsmantesting/responses/amt/messagelog/getrecords.xml): PCI resource configuration (0x07)
     * from the BIOS, severity Monitor, at Unix time 0x65010622 (its decoder test gives that time).
     */
    @Test
    void theDeviceWritesAFirmwareProgressRecordByteForByteAsAmtDoes() {
        PetEvent pciConfiguration = new PetEvent(Instant.parse("2023-09-13T00:45:22Z"), 0x0F, 2, 0x01, 0x22, 0x07);

        assertThat(LogResources.pet(pciConfiguration)).isEqualTo("IgYBZf8PbwJoAf8iAEAHAAAAAAAA");
    }
}
