package dev.outband.simulator.device;

import java.time.Duration;
import java.util.UUID;

/**
 * How a virtual device is born. provisioningMode: 1 admin control, 4 client control. amtVersion is the
 * firmware version as AMT reports it ("16.1.25"), amtBuild its build number ("2049"). consentInactivity:
 * how long a granted consent outlives the last redirection session (AMT's default is 2 minutes).
 * provisioningState: 0 pre-, 1 in-, 2 post-provisioning, as AMT reports it.
 */
public record DeviceConfig(
        String name, UUID uuid, String user, String password, String amtVersion, String amtBuild,
        int provisioningMode, long optInRequired, Duration consentInactivity, Duration bootDuration,
        Hardware hardware, int provisioningState) {
    /** AMT's provisioning states (AMT_SetupAndConfigurationService): 0 pre-, 1 in-, 2 post-provisioning. */
    public static final int PRE_PROVISIONING = 0;
    public static final int POST_PROVISIONING = 2;

    public static DeviceConfig of(String name, String user, String password) {
        return new DeviceConfig(name, UUID.randomUUID(), user, password, "16.1.25", "2049", 4, 0xFFFFFFFFL,
                Duration.ofMinutes(2), Duration.ofSeconds(2), Hardware.sample(Math.abs(name.hashCode() % 1000)),
                POST_PROVISIONING);
    }

    public DeviceConfig withAmtVersion(String version) {
        return new DeviceConfig(name, uuid, user, password, version, amtBuild, provisioningMode, optInRequired,
                consentInactivity, bootDuration, hardware, provisioningState);
    }

    public DeviceConfig withBootDuration(Duration duration) {
        return new DeviceConfig(name, uuid, user, password, amtVersion, amtBuild, provisioningMode, optInRequired,
                consentInactivity, duration, hardware, provisioningState);
    }

    /** 0: no consent needed; 1: for KVM; 0xFFFFFFFF: for every redirection (client control mode's default). */
    public DeviceConfig withOptInRequired(long required) {
        return new DeviceConfig(name, uuid, user, password, amtVersion, amtBuild, provisioningMode, required,
                consentInactivity, bootDuration, hardware, provisioningState);
    }

    public DeviceConfig withConsentInactivity(Duration inactivity) {
        return new DeviceConfig(name, uuid, user, password, amtVersion, amtBuild, provisioningMode, optInRequired,
                inactivity, bootDuration, hardware, provisioningState);
    }

    /** 1: admin control mode (the user consent policy may change); 4: client control mode. */
    public DeviceConfig withProvisioningMode(int mode) {
        return new DeviceConfig(name, uuid, user, password, amtVersion, amtBuild, mode, optInRequired,
                consentInactivity, bootDuration, hardware, provisioningState);
    }

    /** A device straight from the factory (or unprovisioned): it answers discovery, and nothing is set up. */
    public DeviceConfig withProvisioningState(int state) {
        return new DeviceConfig(name, uuid, user, password, amtVersion, amtBuild, provisioningMode, optInRequired,
                consentInactivity, bootDuration, hardware, state);
    }

    public int amtMajor() {
        return Integer.parseInt(amtVersion.split("\\.")[0]);
    }

    public int amtMinor() {
        String[] parts = amtVersion.split("\\.");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    /** What AMT names itself in its HTTP Server header: version and build. */
    public String serverName() {
        return "Intel(R) Active Management Technology " + amtVersion + "." + amtBuild;
    }

    @Override
    public String toString() {
        return "DeviceConfig[name=" + name + ", uuid=" + uuid + ", user=" + user + ", password=***, amt="
                + amtVersion + "]";
    }
}
