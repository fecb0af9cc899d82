package dev.outband.cira.apf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerTextTest {
    @Test
    void printableTextIsKeptAsItIs() {
        assertThat(PeerText.escape("admin@lab-1 ünïcödé")).isEqualTo("admin@lab-1 ünïcödé");
    }

    @Test
    void controlCharactersBidiOverridesAndBackslashesAreEscaped() {
        assertThat(PeerText.escape("a\u001b[2J\nb\tc\u0000d\u007f\u0085e\u202ef\\g\u2028"))
                .isEqualTo("a\\u001b[2J\\nb\\tc\\u0000d\\u007f\\u0085e\\u202ef\\\\g\\u2028");
    }

    @Test
    void nullStaysNull() {
        assertThat(PeerText.escape(null)).isNull();
    }
}
