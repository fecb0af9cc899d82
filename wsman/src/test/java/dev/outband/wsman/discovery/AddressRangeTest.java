package dev.outband.wsman.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Expected sizes from RFC 4632's CIDR arithmetic (a /24 has 256 addresses, 254 usable hosts). */
@Timeout(5)
class AddressRangeTest {
    @Test
    void aSlash24ScansItsTwoHundredFiftyFourHosts() {
        AddressRange r = AddressRange.parse("192.168.7.77/24");
        assertThat(r.size()).isEqualTo(254);
        assertThat(r.address(0).getHostAddress()).isEqualTo("192.168.7.1");
        assertThat(r.address(253).getHostAddress()).isEqualTo("192.168.7.254");
        assertThat(r).hasToString("192.168.7.1-192.168.7.254");
    }

    @Test
    void aSlash16IsTheLargestAllowed() {
        assertThat(AddressRange.parse("10.1.0.0/16").size()).isEqualTo(65_534);
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/15")).hasMessageContaining("at most a /16");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0-10.1.0.0"))
                .hasMessageContaining("at most 65536 addresses (a /16)");
    }

    @Test
    void aDashedRangeIncludesBothEnds() {
        AddressRange r = AddressRange.parse(" 10.0.0.250 - 10.0.1.5 ");
        assertThat(r.size()).isEqualTo(12);
        assertThat(r.indexOf(r.address(11))).isEqualTo(11);
        assertThat(r.contains(AddressRange.parse("10.0.1.6").address(0))).isFalse();
    }

    @Test
    void smallBlocksKeepEveryAddress() {
        assertThat(AddressRange.parse("10.0.0.9/32").size()).isEqualTo(1);
        assertThat(AddressRange.parse("10.0.0.9/31").size()).isEqualTo(2);
        assertThat(AddressRange.parse("10.0.0.9").size()).isEqualTo(1);
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.256/24")).hasMessageContaining("0..255");
        assertThatThrownBy(() -> AddressRange.parse("amt.example/24")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> AddressRange.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
