package dev.outband.wsman.amt.identity;

import java.util.Optional;
import java.util.UUID;

/** Who the device is: AMT version, provisioning, names and platform UUID. */
public record AmtIdentity(
        String amtVersion,
        ProvisioningMode provisioningMode,
        ProvisioningState provisioningState,
        String hostName,
        String domainName,
        String digestRealm,
        UUID uuid) {

    /** The name the device goes by (AMT_GeneralSettings): host.domain, the host name alone, or none when unset. */
    public Optional<String> fqdn() {
        if (hostName == null || hostName.isBlank()) {
            return Optional.empty();
        }
        String host = hostName.strip();
        return Optional.of(domainName == null || domainName.isBlank() ? host : host + "." + domainName.strip());
    }

    public enum ProvisioningMode {
        ADMIN_CONTROL, CLIENT_CONTROL, NONE, UNKNOWN;

        public static ProvisioningMode of(long value) {
            return switch ((int) value) {
                case 1 -> ADMIN_CONTROL;
                case 4 -> CLIENT_CONTROL;
                case 0 -> NONE;
                default -> UNKNOWN;
            };
        }
    }

    public enum ProvisioningState {
        PRE_PROVISIONING, IN_PROVISIONING, POST_PROVISIONING, UNKNOWN;

        public static ProvisioningState of(long value) {
            return value >= 0 && value <= 2 ? values()[(int) value] : UNKNOWN;
        }
    }
}
