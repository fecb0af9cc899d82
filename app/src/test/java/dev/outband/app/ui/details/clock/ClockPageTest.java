package dev.outband.app.ui.details.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the clock page words a drift. */
class ClockPageTest {
    @Test
    void aDriftIsWordedInItsLargestUnitsAndItsDirection() {
        assertThat(ClockPage.drift(Duration.ofMillis(1500))).isEqualTo("In step");
        assertThat(ClockPage.drift(Duration.ofSeconds(-42))).isEqualTo("42 s behind");
        assertThat(ClockPage.drift(Duration.ofMinutes(7).plusSeconds(12))).isEqualTo("7 min 12 s ahead");
        assertThat(ClockPage.drift(Duration.ofHours(-3))).isEqualTo("3 h 0 min behind");
        assertThat(ClockPage.drift(Duration.ofDays(400).plusHours(5))).isEqualTo("400 d 5 h ahead");
    }
}
