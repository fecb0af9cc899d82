package dev.outband.wsman.amt.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.RecordedItem;
import org.junit.jupiter.api.Test;

/**
 * Memory modules as AMT reports them, from go-wsman-messages' recorded
 * pkg/wsman/wsmantesting/responses/cim/physical/memory/pull.xml (its first module, values transcribed).
 */
class RecordedMemoryRepliesTest {
    @Test
    void theRecordedModuleIsA16GibDdr4SodimmAtItsConfiguredClock() throws Exception {
        MemoryModule module = MemoryModule.from(RecordedItem.parse(
                "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_PhysicalMemory", "CIM_PhysicalMemory",
                "<h:BankLabel>BANK 0</h:BankLabel><h:Capacity>17179869184</h:Capacity>"
                        + "<h:ConfiguredMemoryClockSpeed>2400</h:ConfiguredMemoryClockSpeed>"
                        + "<h:CreationClassName>CIM_PhysicalMemory</h:CreationClassName>"
                        + "<h:ElementName>Managed System Memory Chip</h:ElementName><h:FormFactor>13</h:FormFactor>"
                        + "<h:IsSpeedInMhz>true</h:IsSpeedInMhz><h:Manufacturer>859B</h:Manufacturer>"
                        + "<h:MaxMemorySpeed>2400</h:MaxMemorySpeed><h:MemoryType>26</h:MemoryType>"
                        + "<h:PartNumber>CT16G4SFD824A.M16FE </h:PartNumber><h:SerialNumber>E0E8D670</h:SerialNumber>"
                        + "<h:Speed>0</h:Speed><h:Tag>9876543210</h:Tag>"));

        assertThat(module).isEqualTo(new MemoryModule("BANK 0", 17_179_869_184L, 2400, "DDR4", "SODIMM", "859B",
                "CT16G4SFD824A.M16FE", "E0E8D670"));
    }
}
