package dev.outband.wsman.amt.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class RecordDecoderTest {
    @Test
    void aFirmwareProgressPetRecordReadsAsText() {
        // time 0x5F5E1000, sensor 0x0F, offset 2, severity information, entity BIOS, progress 0x13
        byte[] r = HexFormat.of().parseHex("5F5E1000" + "01" + "0F" + "6F" + "02" + "68" + "02" + "FF" + "22" + "00"
                + "40" + "13" + "000000000000");
        EventRecord e = PetRecordDecoder.decode(r);
        assertThat(e.time()).isEqualTo(Instant.ofEpochSecond(0x5F5E1000L));
        assertThat(e.text()).isEqualTo(Instant.ofEpochSecond(0x5F5E1000L)
                + " Information BIOS: System firmware progress - Starting operating system boot process");
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
