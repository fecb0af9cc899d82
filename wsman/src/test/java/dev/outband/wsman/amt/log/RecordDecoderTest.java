package dev.outband.wsman.amt.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class RecordDecoderTest {
    /**
     * Records and decoded values from a real AMT_MessageLog GetRecords reply, recorded in the public
     * go-wsman-messages repository (pkg/wsman/wsmantesting/responses/amt/messagelog/getrecords.xml); its
     * decoder test (pkg/wsman/amt/messagelog/decoder_test.go) reads them as Unix times 0x65010622 and
     * 0x6598C863, "PCI resource configuration" from BIOS with severity Monitor, and an Intel(r) ME event.
     */
    @Test
    void aRecordedAmtFirmwareProgressRecordReadsItsLittleEndianTime() {
        EventRecord e = PetRecordDecoder.decode(Base64.getDecoder().decode("IgYBZf8PbwJoAf8iAEAHAAAAAAAA"));
        assertThat(e.time()).isEqualTo(Instant.parse("2023-09-13T00:45:22Z"));
        assertThat(e.sensorType()).isEqualTo(0x0F);
        assertThat(e.eventOffset()).isEqualTo(2);
        assertThat(e.severityName()).isEqualTo("Monitor");
        assertThat(e.entityName()).isEqualTo("BIOS");
        assertThat(e.description()).isEqualTo("PCI resource configuration");
    }

    @Test
    void aRecordedAmtSecurityRecordReadsItsLittleEndianTime() {
        EventRecord e = PetRecordDecoder.decode(Base64.getDecoder().decode("Y8iYZf8GbwVoEP8mYaoKAAAAAAAA"));
        assertThat(e.time()).isEqualTo(Instant.parse("2024-01-06T03:26:27Z"));
        assertThat(e.sensorType()).isEqualTo(0x06);
        assertThat(e.severityName()).isEqualTo("Critical");
    }

    @Test
    void aRecordOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> PetRecordDecoder.decode(new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAuditRecordNamesApplicationEventAndDigestUser() {
        byte[] r = HexFormat.of().parseHex("0011" + "0003" + "00" + "05" + HexFormat.of().formatHex("admin".getBytes())
                + "5F5E1000" + "00" + "09" + HexFormat.of().formatHex("127.0.0.1".getBytes()) + "00");
        AuditRecord a = AuditRecordDecoder.decode(r);
        assertThat(a).isEqualTo(new AuditRecord(17, 3, "Remote Control", "Performed reset", "admin",
                Instant.ofEpochSecond(0x5F5E1000L), "127.0.0.1"));
    }

    @Test
    void anAuditRecordWhoseUserLengthOverrunsTheRecordIsRefused() {
        byte[] r = HexFormat.of().parseHex("0011000300FF6164");
        assertThatThrownBy(() -> AuditRecordDecoder.decode(r)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audit record truncated");
    }
}
