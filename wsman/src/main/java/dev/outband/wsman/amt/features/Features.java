package dev.outband.wsman.amt.features;

import dev.outband.wsman.amt.redirection.RedirectionStatus;
import dev.outband.wsman.soap.CimObject;
import java.util.Optional;

/**
 * The device's redirection features and user consent policy, as MeshCommander's "Intel AMT features"
 * shows them. {@code consent} is empty when the device reports a value AMT does not define;
 * {@code consentChangeable} is IPS_OptInService.CanModifyOptInPolicy; {@code kvm} is empty where the
 * path to the device does not report IPS_KVMRedirectionSettingData (a remote MPS).
 */
public record Features(RedirectionStatus redirection, Optional<ConsentPolicy> consent, boolean consentChangeable,
                       Optional<KvmSettings> kvm) {

    /** Port 5900 open for standard VNC viewers, and the KVM session timeout in minutes. */
    public record KvmSettings(boolean vncPort5900, int sessionTimeoutMinutes) {
    }

    public static Features from(RedirectionStatus redirection, CimObject optIn, CimObject kvmSettings) {
        return new Features(redirection, ConsentPolicy.of(optIn.getLong("OptInRequired", -1)),
                optIn.getLong("CanModifyOptInPolicy", 0) == 1 || optIn.getBoolean("CanModifyOptInPolicy"),
                Optional.of(new KvmSettings(kvmSettings.getBoolean("Is5900PortEnabled"),
                        (int) kvmSettings.getLong("SessionTimeout", 0))));
    }
}
