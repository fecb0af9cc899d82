package dev.outband.app.store;

import java.util.Objects;

/**
 * How the activation server sets up a device: control mode, passwords ({@code null}: a new one for each device,
 * stored with the device), the provisioning certificate for admin control mode (PKCS#12, base64, with its
 * password and the DNS suffix it is issued for), TLS, call home to this laptop, user consent, redirection and
 * addressing. Sealed values are never printed.
 *
 * @param callHomeAddress where devices reach this laptop's CIRA listener, or null for no call home
 */
public record ActivationProfile(Long id, String name, ControlMode controlMode, Secret adminPassword,
                                Secret mebxPassword, Secret pkcs12, Secret pkcs12Password, String dnsSuffix,
                                boolean tls, String callHomeAddress, int callHomePort, Consent userConsent,
                                boolean kvm, boolean sol, boolean ider, Network network) {
    /** Client control mode (host-based setup) or admin control mode (signed with a provisioning certificate). */
    public enum ControlMode { CCM, ACM }

    /** Which redirection asks the user first; the value is IPS_OptInService's OptInRequired. */
    public enum Consent {
        NONE(0), KVM(1), ALL(0xFFFFFFFFL);

        private final long optInRequired;

        Consent(long optInRequired) {
            this.optInRequired = optInRequired;
        }

        public long optInRequired() {
            return optInRequired;
        }
    }

    /** DHCP, or a static address that AMT takes from the operating system (IP sync), as DMT does. */
    public enum Network { DHCP, STATIC }

    public static final int DEFAULT_CIRA_PORT = 4433;

    public ActivationProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(controlMode, "controlMode");
        userConsent = userConsent == null ? Consent.ALL : userConsent;
        network = network == null ? Network.DHCP : network;
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isWhitespace)) {
            // rpc-go sends "activate --profile NAME" and the server splits it on spaces.
            throw new IllegalArgumentException("a profile name is 1 to 100 characters without spaces: \"" + name + "\"");
        }
        if (controlMode == ControlMode.ACM && (pkcs12 == null || dnsSuffix == null || dnsSuffix.isBlank())) {
            throw new IllegalArgumentException("admin control mode needs a provisioning certificate (PKCS#12) and its DNS suffix");
        }
        if (callHomeAddress != null && callHomeAddress.isBlank()) {
            callHomeAddress = null;
        }
        if (callHomePort < 1 || callHomePort > 65535) {
            throw new IllegalArgumentException("the call-home port is 1..65535, not " + callHomePort);
        }
        if (controlMode == ControlMode.CCM && userConsent != Consent.ALL) {
            // AMT itself forces consent for every redirection in client control mode.
            throw new IllegalArgumentException("client control mode always asks for user consent: choose ALL or ACM");
        }
    }

    public boolean callsHome() {
        return callHomeAddress != null;
    }
}
