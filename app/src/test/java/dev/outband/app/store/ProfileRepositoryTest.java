package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.ActivationProfile.Consent;
import dev.outband.app.store.ActivationProfile.ControlMode;
import dev.outband.app.store.ActivationProfile.Network;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activation profiles in a real H2 store file: every secret sealed for its row and column, and sealed anew on a key change. */
class ProfileRepositoryTest {
    private static final String ADMIN = "Adm1n-P@ssw0rd!";
    private static final String MEBX = "Mebx-P@ss1";
    private static final String PFX = "MIIKpQIBAzCCCl8GCSqGSIb3DQEHAaCCClAEggpMMIIKSDCCBP8GCSqGSIb3DQEHBqCCBPAwggTsAgEAMIIE";
    private static final String PFX_PASSWORD = "Pfx-Passw0rd";

    @TempDir
    Path folder;

    private static ActivationProfile acm(ProfileRepository repo, String name) {
        return new ActivationProfile(null, name, ControlMode.ACM, repo.seal(ADMIN), repo.seal(MEBX), repo.seal(PFX),
                repo.seal(PFX_PASSWORD), "vprodemo.com", true, "192.168.1.20", 4433, Consent.KVM, true, false, true,
                Network.STATIC);
    }

    @Test
    void aProfileKeepsEveryFieldAndItsSecretsAcrossAReopenAndAMasterPasswordChange() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            ActivationProfile saved = store.profiles().save(acm(store.profiles(), "lab-acm"));
            assertThat(saved.toString()).doesNotContain(ADMIN, MEBX, PFX_PASSWORD);
            store.changeMasterPassword(null, "first-master".toCharArray());
        }
        try (DeviceStore store = DeviceStore.open(folder, "first-master"::toCharArray)) {
            ActivationProfile read = store.profiles().findByName("LAB-ACM").orElseThrow();
            assertThat(read.adminPassword().reveal()).isEqualTo(ADMIN);
            assertThat(read.mebxPassword().reveal()).isEqualTo(MEBX);
            assertThat(read.pkcs12().reveal()).isEqualTo(PFX);
            assertThat(read.pkcs12Password().reveal()).isEqualTo(PFX_PASSWORD);
            assertThat(List.of(read.controlMode(), read.userConsent(), read.network()))
                    .containsExactly(ControlMode.ACM, Consent.KVM, Network.STATIC);
            assertThat(List.of(read.tls(), read.kvm(), read.sol(), read.ider())).containsExactly(true, true, false, true);
            assertThat(read.callHomeAddress()).isEqualTo("192.168.1.20");
            assertThat(read.callHomePort()).isEqualTo(4433);
            assertThat(read.dnsSuffix()).isEqualTo("vprodemo.com");
        }
    }

    @Test
    void savingAgainReplacesNamesAreUniqueAndRemovalWorks() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            ProfileRepository repo = store.profiles();
            ActivationProfile saved = repo.save(acm(repo, "lab"));
            ActivationProfile generated = new ActivationProfile(saved.id(), "lab", ControlMode.CCM, null, null, null,
                    null, null, false, null, 4433, Consent.ALL, true, true, true, Network.DHCP);
            assertThat(repo.save(generated).adminPassword()).isNull();
            assertThat(repo.findAll()).hasSize(1);
            assertThatThrownBy(() -> repo.save(acm(repo, "LAB"))).isInstanceOf(DuplicateNameException.class);
            assertThat(repo.delete("Lab")).isTrue();
            assertThat(repo.findAll()).isEmpty();
        }
    }

    @Test
    void anActivationRecordFollowsItsDeviceAndGoesWithIt() throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            Device device = store.devices().insert(Device.of("lab-pc-7", "192.168.1.57"));
            store.profiles().recordActivation("12345678-9ABC-def0-1234-56789abcdef0", device.id(), "lab", Instant.now());
            assertThat(store.profiles().activatedDevice("12345678-9abc-DEF0-1234-56789abcdef0")).contains(device);
            store.devices().delete(device.id());
            assertThat(store.profiles().activatedDevice("12345678-9abc-def0-1234-56789abcdef0")).isEmpty();
        }
    }

    @Test
    void profilesThatCannotWorkAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new ActivationProfile(null, "two words", ControlMode.CCM, null, null, null, null, null,
                false, null, 4433, Consent.ALL, true, true, true, Network.DHCP)).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> new ActivationProfile(null, "acm", ControlMode.ACM, null, null, null, null, null,
                false, null, 4433, Consent.ALL, true, true, true, Network.DHCP)).hasMessageContaining("PKCS#12");
        assertThatThrownBy(() -> new ActivationProfile(null, "ccm", ControlMode.CCM, null, null, null, null, null,
                false, null, 4433, Consent.NONE, true, true, true, Network.DHCP)).hasMessageContaining("always asks");
    }
}
