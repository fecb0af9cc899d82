package dev.outband.wsman.amt.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.RecordedReplies;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values read by eye from go-wsman-messages' recorded replies: amt/boot/capabilities/get.xml
 * (BIOSSetup, ForcePXEBoot, ForceCDorDVDBoot, ForceHardDriveBoot, IDER, SOL true; ForceDiagnosticBoot false),
 * amt/boot/settingdata/get.xml (every one-time flag false) and cim/boot/sourcesetting/pull.xml (three sources).
 */
class RecordedBootTest {
    @Test
    void aRecordedDeviceOffersPxeCdAndBiosSetupButNoDiagnostics() throws Exception {
        BootCapabilities caps = BootCapabilities.from(RecordedReplies.get("amt-boot-capabilities-get.xml"));
        assertThat(caps).isEqualTo(new BootCapabilities(true, true, true, true, false, true, true, true));
        assertThat(caps.allows(BootTarget.DIAGNOSTIC)).isFalse();
        assertThat(caps.allows(BootTarget.IDER_CD)).isTrue();
    }

    @Test
    void aRecordedDeviceWithClearedFlagsBootsAsItsBiosSays() throws Exception {
        BootSettings settings = BootSettings.from(RecordedReplies.get("amt-boot-settingdata-get.xml"));
        assertThat(settings.anySet()).isFalse();
        assertThat(settings.target()).isEqualTo(BootTarget.NORMAL);
        assertThat(settings.useSol()).isFalse();
    }

    @Test
    void theRecordedBootSourcesAreTheOnesTheTargetsName() throws Exception {
        assertThat(RecordedReplies.pulled("cim-boot-sourcesetting-pull.xml").stream().map(o -> o.get("InstanceID")))
                .containsExactly(BootTarget.HARD_DRIVE.sourceId().orElseThrow(), BootTarget.PXE.sourceId().orElseThrow(),
                        BootTarget.CD_DVD.sourceId().orElseThrow());
    }

    @Test
    void aPutBodyChangesOnlyTheNamedFlagsAndKeepsEverythingElseAsRead() throws Exception {
        CimObject recorded = RecordedReplies.get("amt-boot-settingdata-get.xml");
        var body = recorded.withChanges(Map.of("UseSOL", true, "BIOSSetup", true));
        assertThat(body).contains(Argument.of("UseSOL", true),
                Argument.of("BIOSSetup", true),
                new Argument.Values("BIOSLastStatus", List.of("2", "0")),
                new Argument.Values("InstanceID", List.of("Intel(r) AMT:BootSettingData 0")));
        // RSEPassword is empty in the recorded reply: AMT does not want it back.
        assertThat(body).noneMatch(a -> a.name().equals("RSEPassword"));
    }
}
