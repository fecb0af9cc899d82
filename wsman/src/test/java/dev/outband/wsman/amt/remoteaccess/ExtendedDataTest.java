package dev.outband.wsman.amt.remoteaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A periodic rule's ExtendedData. The vector is the recorded AMT reply in the public go-wsman-messages
 * repository (responses/amt/remoteaccess/policyrule/pull.xml): a periodic rule carrying "AAAAAAAAABk=".
 */
class ExtendedDataTest {
    @Test
    void aRecordedPeriodicRuleReadsAsTwentyFiveSecondsAndIsWrittenTheSameWay() {
        assertThat(RemoteAccessService.interval("AAAAAAAAABk=")).isEqualTo(Duration.ofSeconds(25));
        assertThat(RemoteAccessService.extendedData(PolicyRule.Trigger.PERIODIC, Duration.ofSeconds(25)))
                .isEqualTo("AAAAAAAAABk=");
    }

    @Test
    void userInitiatedAndAlertRulesCarryNoExtendedData() {
        assertThat(RemoteAccessService.extendedData(PolicyRule.Trigger.USER_INITIATED, Duration.ofHours(1))).isEmpty();
        assertThat(RemoteAccessService.extendedData(PolicyRule.Trigger.ALERT, Duration.ofHours(1))).isEmpty();
        assertThat(RemoteAccessService.interval("")).isEqualTo(Duration.ZERO);
        assertThat(RemoteAccessService.interval("not base64!")).isEqualTo(Duration.ZERO);
    }
}
