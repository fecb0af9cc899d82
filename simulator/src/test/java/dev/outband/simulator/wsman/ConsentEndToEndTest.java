package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.amt.consent.ConsentService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ConsentEndToEndTest {
    @Test
    void aWrongCodeIsRejectedAndCountedThenTheCodeOnScreenIsAccepted() throws Exception {
        try (Fixture sim = new Fixture()) {
            ConsentService consent = sim.client().consent();
            assertThat(consent.status().required()).isTrue();
            consent.start();
            assertThat(consent.status().stateName()).isEqualTo("Displayed");
            String code = sim.device.consent().codeOnScreen().orElseThrow();
            String wrong = code.equals("000000") ? "111111" : "000000";

            assertThatThrownBy(() -> consent.sendCode(wrong))
                    .isInstanceOfSatisfying(ReturnValueException.class,
                            e -> assertThat(e.returnValueName()).isEqualTo("Invalid user consent code"));
            assertThat(sim.device.consent().wrongCodes()).isEqualTo(1);

            consent.sendCode(code);
            assertThat(consent.status().stateName()).isEqualTo("Received");
            consent.cancel();
            assertThat(consent.status().optInState()).isZero();
        }
    }

    @Test
    void synchronizingTheClockSetsTheDeviceTimeToOurs() throws Exception {
        try (Fixture sim = new Fixture()) {
            sim.device.setClock(Instant.parse("2001-01-01T00:00:00Z"));
            var time = sim.client().time();
            assertThat(time.deviceTime()).isBefore(Instant.parse("2002-01-01T00:00:00Z"));
            time.synchronize();
            assertThat(Duration.between(time.deviceTime(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
        }
    }
}
