package dev.outband.simulator.device;

import dev.outband.simulator.ider.IderPort;
import dev.outband.simulator.net.ConnectionHandler;
import dev.outband.simulator.wsman.WsmanServer;
import dev.outband.wsman.http.DigestCredentials;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The state of one virtual AMT device; every server of the device reads and changes it here. */
public final class VirtualDevice {
    public static final long OK = 0;
    public static final long NOT_SUPPORTED = 1;
    public static final long NOT_READY = 2;
    /** The DNS suffix DHCP gave the device: general settings report it, environment detection compares it. */
    public static final String DOMAIN_NAME = "lab.outband.test";
    public static final long INVALID_PARAMETER = 0x24;
    private static final int OS_FULL_POWER = 2;
    private static final int OS_POWER_SAVING = 3;

    private final DeviceConfig config;
    private final String realm;
    private final List<PowerListener> listeners = new CopyOnWriteArrayList<>();
    private final FaultHooks hooks = new FaultHooks();
    private final Consent consent;
    private final DeviceLogs logs = new DeviceLogs();
    private final Redirection redirection = new Redirection();
    private final CertificateStore certificates = new CertificateStore(LabLimits.defaults());
    private final EventSubscribers subscribers = new EventSubscribers(LabLimits.defaults().eventSubscribers());
    private final TlsConfig tls = new TlsConfig(certificates);
    private final RemoteAccessConfig remoteAccess = new RemoteAccessConfig(DOMAIN_NAME, LabLimits.defaults());
    private final Provisioning provisioning;
    private final UserAccounts users;
    private final WiredPort wired;
    private final WsmanServer wsman;
    private final IderPort ider;
    private PowerState power = PowerState.ON;
    private Display display = Display.DESKTOP;
    private BootOptions boot = BootOptions.none();
    private long bootGeneration;
    private boolean osPowerSaving;
    private boolean firmwareOnSerial;
    private Duration clockOffset = Duration.ZERO;

    public VirtualDevice(DeviceConfig config) {
        this.config = config;
        byte[] r = new byte[16];
        new SecureRandom().nextBytes(r);
        this.realm = "Digest:" + HexFormat.of().withUpperCase().formatHex(r);
        this.users = new UserAccounts(realm, config.user(), config.password());
        this.wired = new WiredPort("192.168.6." + (20 + Math.floorMod(config.uuid().hashCode(), 200)));
        // Each typed code is audited, as AMT's audit log records opt-in attempts.
        this.consent = new Consent(config.optInRequired(), config.consentInactivity(), () -> audit(30, 1));
        int mode = config.provisioningState() == DeviceConfig.PRE_PROVISIONING ? Provisioning.NOT_PROVISIONED
                : config.provisioningMode() == 4 ? Provisioning.CLIENT : Provisioning.ADMIN;
        // Client control mode always asks the user's consent for redirection; other modes keep the birth policy.
        this.provisioning = new Provisioning(realm, DOMAIN_NAME, mode, users,
                LabLimits.defaults().provisioningChain(), m -> consent.setRequired(
                        m == Provisioning.CLIENT ? Consent.ALL : config.optInRequired()));
        this.wsman = new WsmanServer(this);
        this.ider = new IderPort(config.name());
        listeners.add((state, shown) -> {
            if (state == PowerState.ON && shown == Display.IDER_BOOT) {
                ider.boot();
            }
        });
    }

    public DeviceConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    public UUID uuid() {
        return config.uuid();
    }

    /** Provisioning state, control mode and the accounts that may log on. */
    public Provisioning provisioning() {
        return provisioning;
    }

    /**
     * Unprovision (AMT_SetupAndConfigurationService): back to pre-provisioning, then what a full unprovision
     * erases (TLS, certificates, remote access, redirection switches, the wired port's addressing) as from the
     * factory.
     */
    public long unprovision(long provisioningMode) {
        long result = provisioning.unprovision(provisioningMode);
        if (result == PtStatus.SUCCESS) {
            tls.reset();
            certificates.clear();
            remoteAccess.clear();
            redirection.reset();
            wired.reset();
        }
        return result;
    }

    /** AMT's accounts; requests log in against them. */
    public UserAccounts users() {
        return users;
    }

    public WiredPort wiredPort() {
        return wired;
    }

    /** The account the device was born with (for a device born provisioned, its admin account). */
    public DigestCredentials credentials() {
        return new DigestCredentials(config.user(), config.password());
    }

    public String digestRealm() {
        return realm;
    }

    public FaultHooks hooks() {
        return hooks;
    }

    /** The WS-Man port's handler, for a TCP/TLS acceptor or a CIRA channel alike. */
    public ConnectionHandler wsmanHandler() {
        return wsman;
    }

    public WsmanServer wsmanServer() {
        return wsman;
    }

    public synchronized PowerState powerState() {
        return power;
    }

    public synchronized Display display() {
        return display;
    }

    /** Whether the firmware of the last boot also writes to Serial-over-LAN: only when UseSOL came with the action. */
    public synchronized boolean firmwareOnSerial() {
        return firmwareOnSerial;
    }

    public void addPowerListener(PowerListener listener) {
        listeners.add(listener);
    }

    public void removePowerListener(PowerListener listener) {
        listeners.remove(listener);
    }

    public synchronized BootOptions bootOptions() {
        return boot;
    }

    public synchronized void setBootOptions(BootOptions options) {
        this.boot = options;
    }

    /** RequestPowerStateChange: the CIM ReturnValue as AMT would answer. */
    public long requestPowerState(int cimState) {
        PowerState fromState;
        Display newDisplay;
        PowerState newState;
        long generation;
        synchronized (this) {
            fromState = power;
            boolean graceful = cimState == 12 || cimState == 14 || cimState == 4 || cimState == 7;
            if (graceful && config.amtMajor() < 10) {
                return NOT_SUPPORTED;
            }
            switch (cimState) {
                case 2 -> {
                    if (power == PowerState.ON) {
                        return NOT_READY;
                    }
                    newState = PowerState.ON;
                }
                case 5, 10, 14 -> {
                    if (power != PowerState.ON) {
                        return NOT_READY;
                    }
                    newState = PowerState.ON;
                }
                case 8 -> {
                    if (power == PowerState.OFF) {
                        return NOT_READY;
                    }
                    newState = PowerState.OFF;
                }
                case 12, 4, 7 -> {
                    if (power != PowerState.ON) {
                        return NOT_READY;
                    }
                    newState = cimState == 12 ? PowerState.OFF : cimState == 4 ? PowerState.SLEEP : PowerState.HIBERNATE;
                }
                default -> {
                    return NOT_SUPPORTED;
                }
            }
            if (newState == PowerState.ON) {
                newDisplay = boot.bootScreen();
                firmwareOnSerial = boot.useSol();
                // Boot options are one-shot: AMT forgets them once the machine has booted with them.
                boot = BootOptions.none();
            } else {
                newDisplay = Display.BLACK;
            }
            power = newState;
            display = newDisplay;
            osPowerSaving = false;
            generation = ++bootGeneration;
            int auditEvent = switch (cimState) {
                case 2 -> 0;
                case 5 -> 2;
                case 10, 14 -> 3;
                default -> 1;
            };
            audit(17, auditEvent);
            logs.event(newState == PowerState.ON
                    ? new PetEvent(Instant.now(), PetEvent.FIRMWARE_PROGRESS, 2, PetEvent.MONITOR,
                            PetEvent.ENTITY_BIOS,
                            newDisplay == Display.BIOS_SETUP ? PetEvent.PROGRESS_SETUP : PetEvent.PROGRESS_OS_BOOT)
                    : new PetEvent(Instant.now(), PetEvent.ACPI_POWER_STATE, newState == PowerState.OFF ? 5 : 3,
                            PetEvent.INFORMATION, PetEvent.ENTITY_SYSTEM_BOARD, 0));
        }
        notifyListeners(newState, newDisplay);
        if (newDisplay == Display.BOOTING || newDisplay == Display.PXE_BOOT) {
            Thread.ofVirtual().name(name() + "-boot").start(() -> finishBoot(generation));
        }
        return OK;
    }

    private void finishBoot(long generation) {
        try {
            Thread.sleep(config.bootDuration());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            if (generation != bootGeneration || power != PowerState.ON) {
                return;
            }
            display = Display.DESKTOP;
        }
        notifyListeners(PowerState.ON, Display.DESKTOP);
    }

    private void notifyListeners(PowerState state, Display shown) {
        listeners.forEach(l -> l.powerChanged(state, shown));
    }

    /** The OS power-saving state IPS_PowerManagementService reports: 2 full power, 3 power saving. */
    public synchronized int osPowerSavingState() {
        return power == PowerState.ON && !osPowerSaving ? OS_FULL_POWER : OS_POWER_SAVING;
    }

    /**
     * RequestOSPowerSavingStateChange: the running OS turns its screen off (3) or back on (2). Refused while
     * no OS runs (off, asleep, or still booting).
     */
    public long requestOsPowerSaving(int state) {
        if (state != OS_FULL_POWER && state != OS_POWER_SAVING) {
            return INVALID_PARAMETER;
        }
        Display shown;
        synchronized (this) {
            boolean osRunning = power == PowerState.ON && (display == Display.DESKTOP || osPowerSaving);
            if (!osRunning) {
                return NOT_READY;
            }
            osPowerSaving = state == OS_POWER_SAVING;
            display = osPowerSaving ? Display.BLACK : Display.DESKTOP;
            shown = display;
        }
        notifyListeners(PowerState.ON, shown);
        return OK;
    }

    /** User consent: the code on the screen, and the KVM sessions it admits. */
    public Consent consent() {
        return consent;
    }

    public synchronized Instant clock() {
        return Instant.now().plus(clockOffset);
    }

    public synchronized void setClock(Instant time) {
        clockOffset = Duration.between(Instant.now(), time);
        audit(21, 0);
    }

    public DeviceLogs logs() {
        return logs;
    }

    public Redirection redirection() {
        return redirection;
    }

    /** IDE-R: the drives a console attached, and what the firmware read from them at the last boot. */
    public IderPort ider() {
        return ider;
    }

    /** WS-Eventing subscribers: who the device pushes its events to. */
    public EventSubscribers subscribers() {
        return subscribers;
    }

    public CertificateStore certificates() {
        return certificates;
    }

    public TlsConfig tls() {
        return tls;
    }

    public RemoteAccessConfig remoteAccess() {
        return remoteAccess;
    }

    private void audit(int appId, int eventId) {
        logs.audit(new LogEntry(Instant.now(), config.user(), appId, eventId));
    }
}
