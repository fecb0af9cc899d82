package dev.outband.simulator.device;

import static dev.outband.simulator.device.PtStatus.DUPLICATE;
import static dev.outband.simulator.device.PtStatus.INVALID_PARAMETER;
import static dev.outband.simulator.device.PtStatus.MAX_LIMIT_REACHED;
import static dev.outband.simulator.device.PtStatus.SUCCESS;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * CIRA set-up as AMT keeps it: management presence servers, remote access policies (one per trigger) and the
 * servers each applies to, environment detection and the user-initiated connection switch. From these it
 * decides whether the device calls a server now ({@link #callTarget()}).
 */
public final class RemoteAccessConfig {
    public static final int TRIGGER_USER_INITIATED = 0;
    public static final int TRIGGER_ALERT = 1;
    public static final int TRIGGER_PERIODIC = 2;
    public static final int MPS_EXTERNAL = 0;
    public static final int MPS_INTERNAL = 1;
    public static final int MPS_BOTH = 2;
    public static final int UIC_ALL_DISABLED = 32768;
    public static final int UIC_OS = 32770;
    public static final int UIC_BIOS_AND_OS = 32771;
    private static final int MAX_USER_OR_PASSWORD = 16;
    private static final int MAX_DETECTION_STRING = 190;
    private static final String MPS_PREFIX = "Intel(r) AMT:Management Presence Server ";

    /** One AMT_ManagementPresenceRemoteSAP with its AMT_MPSUsernamePassword credential. */
    public record MpServer(String name, String accessInfo, int infoFormat, int port, int authMethod, String username,
            String password, String commonName) {
        /** The name the server's certificate must carry: the CN given for an IP address, else the FQDN. */
        public String expectedName() {
            return infoFormat != 201 && !commonName.isEmpty() ? commonName : accessInfo;
        }

        @Override
        public String toString() {
            return "MpServer[" + name + ", " + accessInfo + ":" + port + ", user=" + username + ", password=***]";
        }
    }

    /** AMT_RemoteAccessPolicyAppliesToMPS: which server a policy uses, in which order and where. */
    public record AppliesTo(String mpsName, int orderOfAccess, int mpsType) {
    }

    /** AMT_RemoteAccessPolicyRule. */
    public record PolicyRule(String name, int trigger, long tunnelLifeTime, byte[] extendedData,
            List<AppliesTo> appliesTo) {
        public PolicyRule {
            extendedData = extendedData.clone();
            appliesTo = List.copyOf(appliesTo);
        }

        public String extendedDataBase64() {
            return Base64.getEncoder().encodeToString(extendedData);
        }

        /** The periodic interval: ExtendedData holds u32 type 0 then u32 seconds, network order. */
        public Optional<Duration> interval() {
            if (trigger != TRIGGER_PERIODIC || extendedData.length != 8) {
                return Optional.empty();
            }
            ByteBuffer data = ByteBuffer.wrap(extendedData);
            return data.getInt() == 0 ? Optional.of(Duration.ofSeconds(Integer.toUnsignedLong(data.getInt())))
                    : Optional.empty();
        }
    }

    /** Whom the device calls now, and why. */
    public record CallTarget(MpServer server, int trigger, Duration interval) {
    }

    public record Added(long returnValue, String name) {
    }

    private final String domainSuffix;
    private final LabLimits limits;
    private final List<MpServer> servers = new ArrayList<>();
    private final List<PolicyRule> policies = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private List<String> detectionStrings = List.of();
    private int userInitiated = UIC_ALL_DISABLED;
    private boolean userAskedForHelp;
    private int nextServer;
    private volatile BooleanSupplier tunnel = () -> false;

    /** {@code domainSuffix}: the DNS suffix DHCP gave the device, what environment detection compares. */
    public RemoteAccessConfig(String domainSuffix, LabLimits limits) {
        this.domainSuffix = domainSuffix.toLowerCase(Locale.ROOT);
        this.limits = limits;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** AddMpServer with username/password (AuthMethod 2) or mutual authentication (1). */
    public Added addMpServer(String accessInfo, int infoFormat, int port, int authMethod, String username,
            String password, String commonName) {
        boolean valid = accessInfo != null && !accessInfo.isBlank() && validFormat(accessInfo, infoFormat)
                && port > 0 && port < 65_536 && (authMethod == 1 || authMethod == 2)
                && (authMethod != 2 || validCredentials(username, password));
        if (!valid) {
            return new Added(INVALID_PARAMETER, null);
        }
        MpServer server;
        synchronized (this) {
            if (servers.stream().anyMatch(s -> s.accessInfo().equalsIgnoreCase(accessInfo))) {
                return new Added(DUPLICATE, null);
            }
            if (servers.size() >= limits.mpServers()) {
                return new Added(MAX_LIMIT_REACHED, null);
            }
            server = new MpServer(MPS_PREFIX + nextServer++, accessInfo, infoFormat, port, authMethod,
                    username == null ? "" : username, password == null ? "" : password,
                    commonName == null ? "" : commonName);
            servers.add(server);
        }
        changed();
        return new Added(SUCCESS, server.name());
    }

    /**
     * AddRemoteAccessPolicyRule: {@code serverReference} is the MpServer EPR's text; the server it names must
     * exist. A trigger has at most one policy; a periodic one carries its interval in ExtendedData.
     */
    public Added addPolicy(int trigger, long tunnelLifeTime, String extendedDataBase64, String serverReference) {
        byte[] extended;
        try {
            extended = Base64.getMimeDecoder().decode(extendedDataBase64 == null ? "" : extendedDataBase64);
        } catch (IllegalArgumentException e) {
            return new Added(INVALID_PARAMETER, null);
        }
        String name = switch (trigger) {
            case TRIGGER_USER_INITIATED -> "User Initiated";
            case TRIGGER_ALERT -> "Alert";
            case TRIGGER_PERIODIC -> "Periodic";
            default -> null;
        };
        if (name == null || tunnelLifeTime < 0 || (trigger == TRIGGER_PERIODIC && !validPeriodic(extended))) {
            return new Added(INVALID_PARAMETER, null);
        }
        synchronized (this) {
            Optional<MpServer> server = named(serverReference);
            if (server.isEmpty()) {
                return new Added(INVALID_PARAMETER, null);
            }
            if (policies.stream().anyMatch(p -> p.trigger() == trigger)) {
                return new Added(DUPLICATE, null);
            }
            policies.add(new PolicyRule(name, trigger, tunnelLifeTime, extended,
                    List.of(new AppliesTo(server.get().name(), 0, MPS_EXTERNAL))));
        }
        changed();
        return new Added(SUCCESS, name);
    }

    /** Put of an AppliesToMPS association, found by the texts of its ManagedElement and PolicySet EPRs. */
    public Optional<AppliesTo> putAppliesTo(String serverReference, String policyReference, int orderOfAccess,
            int mpsType) {
        if (mpsType < MPS_EXTERNAL || mpsType > MPS_BOTH || orderOfAccess < 0) {
            return Optional.empty();
        }
        AppliesTo updated;
        synchronized (this) {
            Optional<MpServer> server = named(serverReference);
            Optional<PolicyRule> policy = policies.stream().filter(p -> policyReference.contains(p.name()))
                    .max(Comparator.comparingInt(p -> p.name().length()));
            if (server.isEmpty() || policy.isEmpty()
                    || policy.get().appliesTo().stream().noneMatch(a -> a.mpsName().equals(server.get().name()))) {
                return Optional.empty();
            }
            updated = new AppliesTo(server.get().name(), orderOfAccess, mpsType);
            PolicyRule old = policy.get();
            List<AppliesTo> applies = old.appliesTo().stream()
                    .map(a -> a.mpsName().equals(updated.mpsName()) ? updated : a).toList();
            policies.set(policies.indexOf(old), new PolicyRule(old.name(), old.trigger(), old.tunnelLifeTime(),
                    old.extendedData(), applies));
        }
        changed();
        return Optional.of(updated);
    }

    /** Delete of a server; the policies forget it (a policy left without servers no longer calls). */
    public boolean deleteMpServer(String name) {
        synchronized (this) {
            if (!servers.removeIf(s -> s.name().equals(name))) {
                return false;
            }
            policies.replaceAll(p -> new PolicyRule(p.name(), p.trigger(), p.tunnelLifeTime(), p.extendedData(),
                    p.appliesTo().stream().filter(a -> !a.mpsName().equals(name)).toList()));
        }
        changed();
        return true;
    }

    public boolean deletePolicy(String name) {
        synchronized (this) {
            if (!policies.removeIf(p -> p.name().equals(name))) {
                return false;
            }
            // A new user-initiated policy waits for the user to ask again.
            userAskedForHelp &= policies.stream().anyMatch(p -> p.trigger() == TRIGGER_USER_INITIATED);
        }
        changed();
        return true;
    }

    /** Put of AMT_EnvironmentDetectionSettingData; false when a string is too long or there are too many. */
    public boolean setDetectionStrings(List<String> strings) {
        if (strings.size() > limits.detectionStrings()
                || strings.stream().anyMatch(s -> s.isBlank() || s.length() > MAX_DETECTION_STRING)) {
            return false;
        }
        synchronized (this) {
            detectionStrings = List.copyOf(strings);
        }
        changed();
        return true;
    }

    /** RequestStateChange of the user-initiated connection service: 32768 none .. 32771 BIOS and OS. */
    public boolean setUserInitiated(int state) {
        if (state < UIC_ALL_DISABLED || state > UIC_BIOS_AND_OS) {
            return false;
        }
        synchronized (this) {
            userInitiated = state;
            userAskedForHelp &= state == UIC_OS || state == UIC_BIOS_AND_OS;
        }
        changed();
        return true;
    }

    /** The person at the device asks for help from the OS (Fast Call for Help); true if AMT lets them. */
    public boolean askForHelp() {
        synchronized (this) {
            boolean osAllowed = userInitiated == UIC_OS || userInitiated == UIC_BIOS_AND_OS;
            if (!osAllowed || policies.stream().noneMatch(p -> p.trigger() == TRIGGER_USER_INITIATED)) {
                return false;
            }
            userAskedForHelp = true;
        }
        changed();
        return true;
    }

    public synchronized List<MpServer> servers() {
        return List.copyOf(servers);
    }

    public synchronized List<PolicyRule> policies() {
        return List.copyOf(policies);
    }

    public synchronized List<String> detectionStrings() {
        return detectionStrings;
    }

    public synchronized int userInitiated() {
        return userInitiated;
    }

    /** Inside the organisation when the device's DNS suffix is, or ends in, a detection string. */
    public synchronized boolean inside() {
        return detectionStrings.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(s -> domainSuffix.equals(s) || domainSuffix.endsWith("." + s));
    }

    /**
     * The server the device calls now: a periodic policy (or a user-initiated one the user pressed for) whose
     * server fits where the device is (external servers outside, internal inside, both anywhere), lowest
     * OrderOfAccess first. Alerts are not simulated.
     */
    public synchronized Optional<CallTarget> callTarget() {
        boolean inside = inside();
        for (PolicyRule policy : policies) {
            boolean triggered = policy.trigger() == TRIGGER_PERIODIC
                    || (policy.trigger() == TRIGGER_USER_INITIATED && userAskedForHelp);
            if (!triggered) {
                continue;
            }
            Optional<MpServer> server = policy.appliesTo().stream()
                    .filter(a -> a.mpsType() == MPS_BOTH || (a.mpsType() == MPS_INTERNAL) == inside)
                    .sorted(Comparator.comparingInt(AppliesTo::orderOfAccess))
                    .flatMap(a -> servers.stream().filter(s -> s.name().equals(a.mpsName())))
                    .findFirst();
            if (server.isPresent()) {
                return Optional.of(new CallTarget(server.get(), policy.trigger(),
                        policy.interval().orElse(Duration.ZERO)));
            }
        }
        return Optional.empty();
    }

    /** AMT_RemoteAccessService.IsRemoteTunnelConnected, answered by whoever runs the device's CIRA client. */
    public void reportTunnelWith(BooleanSupplier connected) {
        this.tunnel = connected;
    }

    public boolean tunnelConnected() {
        return tunnel.getAsBoolean();
    }

    private Optional<MpServer> named(String reference) {
        // The longest name contained in the EPR text, so "Server 1" never shadows "Server 10".
        return servers.stream().filter(s -> reference != null && reference.contains(s.name()))
                .max(Comparator.comparingInt(s -> s.name().length()));
    }

    private static boolean validFormat(String accessInfo, int infoFormat) {
        return switch (infoFormat) {
            case 3 -> accessInfo.matches("(\\d{1,3}\\.){3}\\d{1,3}");
            case 4 -> accessInfo.contains(":");
            case 201 -> accessInfo.length() <= 255 && accessInfo.matches("[A-Za-z0-9.-]+");
            default -> false;
        };
    }

    private static boolean validCredentials(String username, String password) {
        return username != null && username.matches("[A-Za-z0-9]{1," + MAX_USER_OR_PASSWORD + "}")
                && password != null && !password.isEmpty() && password.length() <= MAX_USER_OR_PASSWORD;
    }

    /** Interval type 0 with a non-zero number of seconds, or daily type 1 with an hour and a minute. */
    private static boolean validPeriodic(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        if (data.length == 8) {
            return b.getInt() == 0 && b.getInt() != 0;
        }
        if (data.length == 12) {
            return b.getInt() == 1 && Integer.compareUnsigned(b.getInt(), 23) <= 0
                    && Integer.compareUnsigned(b.getInt(), 59) <= 0;
        }
        return false;
    }

    /** Full unprovisioning: no servers, policies or home domains, user-initiated calls off. */
    public void clear() {
        synchronized (this) {
            servers.clear();
            policies.clear();
            detectionStrings = List.of();
            userInitiated = UIC_ALL_DISABLED;
            userAskedForHelp = false;
        }
        changed();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
