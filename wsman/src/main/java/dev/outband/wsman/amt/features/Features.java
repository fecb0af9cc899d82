package dev.outband.wsman.amt.features;

import dev.outband.wsman.amt.redirection.RedirectionStatus;
import dev.outband.wsman.soap.CimObject;

/**
 * The device's redirection features and user consent policy, as MeshCommander's "Intel AMT features"
 * shows them. {@code consent} is empty when the device reports a value AMT does not define;
 * {@code consentChangeable} is IPS_OptInService.CanModifyOptInPolicy; the KVM settings come from
 * IPS_KVMRedirectionSettingData (port 5900 for standard VNC viewers, session timeout in minutes).
 */
public record Features(RedirectionStatus redirection, java.util.Optional<ConsentPolicy> consent,
                       boolean consentChangeable, boolean vncPort5900, int kvmSessionTimeoutMinutes) {

    public static Features from(RedirectionStatus redirection, CimObject optIn, CimObject kvmSettings) {
        return new Features(redirection,
                ConsentPolicy.of(optIn.getLong("OptInRequired", -1)),
                optIn.getLong("CanModifyOptInPolicy", 0) == 1 || optIn.getBoolean("CanModifyOptInPolicy"),
                kvmSettings.getBoolean("Is5900PortEnabled"), (int) kvmSettings.getLong("SessionTimeout", 0));
    }
}
