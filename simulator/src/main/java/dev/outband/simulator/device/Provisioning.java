package dev.outband.simulator.device;

import dev.outband.wsman.http.DigestCredentials;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * Whether and how the device is provisioned, and the host-based setup that changes it: Setup (client control),
 * AddNextCertInChain + AdminSetup (admin control), Unprovision. Every change happens under this object's lock,
 * so concurrent requests see one state or the next, never a mix. The admin password is only ever known as its
 * digest HA1 = MD5("admin:" + realm + ":" + password), which is what Setup and AdminSetup carry.
 */
public final class Provisioning {
    public static final int NOT_PROVISIONED = 0;
    public static final int CLIENT = 1;
    public static final int ADMIN = 2;
    /** AMT's one network admin account, the user Setup and AdminSetup set the password of. */
    public static final String ADMIN_USER = "admin";
    /** NetAdminPassEncryptionType: the password is sent as HTTP digest HA1 (MD5). */
    public static final long DIGEST_MD5_A1 = 2;
    /** SigningAlgorithm: RSA with SHA-256. */
    public static final long RSA_SHA256 = 2;
    private static final int NONCE_BYTES = 20;
    /** AMT user names are at most 16 characters (Intel AMT SDK, AMT_AuthorizationService). */
    private static final int MAX_USER = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The local system account the ME hands to software on the host (rpc-go sends it to the server). */
    public record LocalAccount(String user, String password) {
        @Override
        public String toString() {
            return "LocalAccount[user=" + user + ", password=***]";
        }
    }

    private final String realm;
    private final String dnsSuffix;
    private final LocalAccount local;
    private final int chainLimit;
    private final IntConsumer modeChanged;
    private final Set<String> trustedHashes = ConcurrentHashMap.newKeySet();
    private int mode;
    private String adminUser;
    private String adminHa1;
    private byte[] nonce;
    private final List<X509Certificate> chain = new ArrayList<>();
    private boolean chainComplete;

    /**
     * @param provisionedAs the account of a device born provisioned (mode CLIENT or ADMIN), or null
     * @param modeChanged   told the new control mode after each change, under this object's lock
     */
    Provisioning(String realm, String dnsSuffix, int mode, DigestCredentials provisionedAs, int chainLimit,
            IntConsumer modeChanged) {
        this.realm = realm;
        this.dnsSuffix = dnsSuffix;
        this.chainLimit = chainLimit;
        this.modeChanged = modeChanged;
        this.local = new LocalAccount("$$OsAdmin", randomText(32));
        this.mode = mode;
        if (mode != NOT_PROVISIONED) {
            adminUser = provisionedAs.user();
            adminHa1 = DigestCredentials.md5(provisionedAs.user() + ":" + realm + ":" + provisionedAs.password());
        }
        this.nonce = newNonce();
    }

    /** CurrentControlMode: 0 not provisioned, 1 client control, 2 admin control. */
    public synchronized int controlMode() {
        return mode;
    }

    /** AMT_SetupAndConfigurationService.ProvisioningState: 0 pre-, 2 post-provisioning. */
    public synchronized int provisioningState() {
        return mode == NOT_PROVISIONED ? DeviceConfig.PRE_PROVISIONING : DeviceConfig.POST_PROVISIONING;
    }

    /** AMT_SetupAndConfigurationService.ProvisioningMode: 4 client control, else 1 (admin, also AMT's default). */
    public synchronized int provisioningMode() {
        return mode == CLIENT ? 4 : 1;
    }

    public LocalAccount localAccount() {
        return local;
    }

    public String dnsSuffix() {
        return dnsSuffix;
    }

    /** The digest HA1 of an account that may log on now (the local account always, admin once provisioned). */
    public synchronized String ha1(String user) {
        if (local.user().equals(user)) {
            return DigestCredentials.md5(local.user() + ":" + realm + ":" + local.password());
        }
        return mode != NOT_PROVISIONED && user != null && user.equals(adminUser) ? adminHa1 : null;
    }

    /** ConfigurationNonce as IPS_HostBasedSetupService reports it (base64 of 20 random bytes). */
    public synchronized String configurationNonce() {
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** CertChainStatus: 0 not started, 1 in progress, 2 complete. */
    public synchronized int certChainStatus() {
        return chainComplete ? 2 : chain.isEmpty() ? 0 : 1;
    }

    /** Root certificate hashes the firmware trusts for admin control mode (lowercase hex, as AMT lists them). */
    public Set<String> trustedHashes() {
        return Set.copyOf(trustedHashes);
    }

    /** Adds a root the way MEBx or a USB key adds a custom provisioning hash. */
    public void trust(X509Certificate root) {
        trustedHashes.add(ProvisioningChain.hash(root, "SHA-256"));
    }

    public void trustHash(String hex) {
        trustedHashes.add(hex.replace(":", "").toLowerCase(Locale.ROOT));
    }

    /** Setup: client control mode with the admin password's HA1. */
    public synchronized long setup(long encryptionType, String password) {
        if (mode != NOT_PROVISIONED) {
            return SetupReturn.SETUP_INVALID_STATE;
        }
        String ha1 = digestPassword(encryptionType, password);
        if (ha1 == null) {
            return SetupReturn.SETUP_INVALID_PARAM;
        }
        provision(CLIENT, ha1);
        return SetupReturn.SUCCESS;
    }

    /** AddNextCertInChain: the leaf starts a chain, the root ends it and has the chain checked. */
    public synchronized long addNextCertInChain(String base64Der, boolean isLeaf, boolean isRoot) {
        if (mode == ADMIN) {
            return SetupReturn.CHAIN_INVALID_STATE;
        }
        X509Certificate cert = parse(base64Der);
        if (cert == null) {
            return SetupReturn.CHAIN_INVALID_PARAM;
        }
        if (isLeaf) {
            resetChain();
        } else if (chain.isEmpty() || chainComplete) {
            return SetupReturn.CHAIN_INVALID_STATE;
        }
        if (chain.size() >= chainLimit) {
            resetChain();
            return SetupReturn.CHAIN_TOO_LONG;
        }
        chain.add(cert);
        if (isRoot) {
            if (!new ProvisioningChain(chain).verifies(trustedHashes)) {
                resetChain();
                return SetupReturn.CHAIN_VERIFY_FAILED;
            }
            chainComplete = true;
        }
        return SetupReturn.SUCCESS;
    }

    /**
     * AdminSetup: admin control mode, if the uploaded chain's leaf is for this device's DNS suffix and signed the
     * device's nonce followed by the server's. Each attempt uses up the nonce and the chain.
     */
    public synchronized long adminSetup(long encryptionType, String password, String mcNonce, long algorithm,
            String signature) {
        if (mode != NOT_PROVISIONED || !chainComplete) {
            return SetupReturn.SETUP_INVALID_STATE;
        }
        String ha1 = digestPassword(encryptionType, password);
        byte[] serverNonce = decode(mcNonce);
        byte[] signed = decode(signature);
        if (ha1 == null || algorithm != RSA_SHA256 || serverNonce == null || serverNonce.length != NONCE_BYTES
                || signed == null) {
            return SetupReturn.SETUP_INVALID_PARAM;
        }
        ProvisioningChain uploaded = new ProvisioningChain(chain);
        byte[] deviceNonce = nonce;
        nonce = newNonce();
        resetChain();
        if (!uploaded.matchesSuffix(dnsSuffix) || !uploaded.signed(deviceNonce, serverNonce, signed)) {
            return SetupReturn.SETUP_AUTH_FAILED;
        }
        provision(ADMIN, ha1);
        return SetupReturn.SUCCESS;
    }

    /**
     * SetAdminAclEntryEx: a new admin name and password (DigestPassword is base64 of the 16 raw bytes of
     * MD5(user:realm:password)) on a provisioned device, as a server does for a device it finds activated.
     */
    public synchronized long setAdminAccount(String user, String digestPassword) {
        if (mode == NOT_PROVISIONED) {
            return SetupReturn.NOT_PERMITTED;
        }
        if (user == null || user.isEmpty() || user.length() > MAX_USER || user.contains(":")) {
            return SetupReturn.INVALID_NAME;
        }
        byte[] digest = decode(digestPassword);
        if (digest == null || digest.length != 16) {
            return SetupReturn.INVALID_PASSWORD;
        }
        adminUser = user;
        adminHa1 = HexFormat.of().formatHex(digest);
        return SetupReturn.SUCCESS;
    }

    /** Unprovision(1): back to pre-provisioning, the admin password forgotten. */
    public synchronized long unprovision(long provisioningMode) {
        if (provisioningMode != 1) {
            return SetupReturn.INVALID_PARAMETER;
        }
        if (mode == NOT_PROVISIONED) {
            return SetupReturn.NOT_PERMITTED;
        }
        mode = NOT_PROVISIONED;
        adminUser = null;
        adminHa1 = null;
        nonce = newNonce();
        resetChain();
        modeChanged.accept(mode);
        return SetupReturn.SUCCESS;
    }

    private void provision(int newMode, String ha1) {
        mode = newMode;
        adminUser = ADMIN_USER;
        adminHa1 = ha1;
        modeChanged.accept(mode);
    }

    private void resetChain() {
        chain.clear();
        chainComplete = false;
    }

    /** The HA1 a Setup or AdminSetup carries: 32 hex digits with encryption type 2, anything else refused. */
    private static String digestPassword(long encryptionType, String password) {
        if (encryptionType != DIGEST_MD5_A1 || password == null || !password.matches("[0-9a-fA-F]{32}")) {
            return null;
        }
        return password.toLowerCase(Locale.ROOT);
    }

    private static X509Certificate parse(String base64Der) {
        byte[] der = decode(base64Der);
        if (der == null) {
            return null;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            return null;
        }
    }

    private static byte[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String randomText(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
