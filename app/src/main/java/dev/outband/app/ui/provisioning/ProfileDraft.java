package dev.outband.app.ui.provisioning;

import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.HostNames;
import dev.outband.app.store.ProfileRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Function;
import dev.outband.app.store.Secret;

/**
 * A profile as the dialog fills it: clear-text passwords (null = generate one per device; empty = keep the stored
 * one when editing), the PKCS#12 file to read (null = keep). {@link #toProfile} seals everything; toString never shows a secret.
 */
record ProfileDraft(ActivationProfile existing, String name, ActivationProfile.ControlMode mode, String adminPassword,
                    String mebxPassword, Path pkcs12, String pkcs12Password, String dnsSuffix, boolean tls,
                    String callHome, ActivationProfile.Consent consent, boolean kvm, boolean sol, boolean ider,
                    ActivationProfile.Network network) {
    ActivationProfile toProfile(ProfileRepository repo) throws IOException {
        HostNames.Address home = callHome == null || callHome.isBlank() ? null : HostNames.split(callHome.strip());
        return new ActivationProfile(existing == null ? null : existing.id(), name.strip(), mode,
                adminPassword == null ? null : adminPassword.isEmpty() ? stored(ActivationProfile::adminPassword)
                        : repo.seal(adminPassword),
                mebxPassword == null ? null : mebxPassword.isEmpty() ? stored(ActivationProfile::mebxPassword)
                        : repo.seal(mebxPassword),
                pkcs12 == null ? stored(ActivationProfile::pkcs12)
                        : repo.seal(Base64.getEncoder().encodeToString(Files.readAllBytes(pkcs12))),
                pkcs12Password.isEmpty() ? stored(ActivationProfile::pkcs12Password) : repo.seal(pkcs12Password),
                dnsSuffix.isBlank() ? null : dnsSuffix.strip(), tls, home == null ? null : home.host(),
                home == null || home.port() == null ? ActivationProfile.DEFAULT_CIRA_PORT : home.port(), consent, kvm,
                sol, ider, network);
    }

    private Secret stored(Function<ActivationProfile, Secret> field) {
        return existing == null ? null : field.apply(existing);
    }

    @Override
    public String toString() {
        return "ProfileDraft[name=" + name + ", mode=" + mode + "]";
    }
}
