package dev.outband.app.cira;

import dev.outband.app.store.SecretFiles;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraCredentialCheck;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
import dev.outband.wsman.amt.remoteaccess.MpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Per-device CIRA accounts: each device set up to call home gets its own generated user and
 * password, sealed with the store key in the data folder ({@code cira-account-<uuid>.sealed}), and
 * the listener accepts that device's UUID only with them. A shared lab-wide account remains an
 * explicit choice for devices set up by other tools.
 */
public final class CiraAccounts {
    private static final String PREFIX = "cira-account-";
    private static final String USER_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final String PASSWORD_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!#%+-=@";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A device's CIRA login; sized to what AMT's AddMpServer takes (16 characters each). */
    public record Account(String user, String password) {
        @Override
        public String toString() {
            return "Account[user=" + user + ", password=***]";
        }
    }

    private final SecretFiles secrets;

    public CiraAccounts(SecretFiles secrets) {
        this.secrets = secrets;
    }

    /** The device's account, made and saved the first time: a rerun of a setup gives the device the same one. */
    public synchronized Account ensure(DeviceUuid device) throws IOException {
        Optional<Account> known = find(device);
        if (known.isPresent()) {
            return known.get();
        }
        Account made = new Account("d" + random(USER_LETTERS, MpServer.MAX_CREDENTIAL_LENGTH - 1),
                random(PASSWORD_LETTERS, MpServer.MAX_CREDENTIAL_LENGTH));
        secrets.save(name(device), made.user() + "\n" + made.password());
        return made;
    }

    public synchronized Optional<Account> find(DeviceUuid device) throws IOException {
        return secrets.load(name(device)).map(sealed -> {
            String[] parts = sealed.reveal().split("\n", 2);
            return new Account(parts[0], parts.length > 1 ? parts[1] : "");
        });
    }

    public synchronized void remove(DeviceUuid device) throws IOException {
        secrets.delete(name(device));
    }

    /**
     * What the listener checks: a device with its own account only with it; any other device with the
     * lab-wide account, when one is given.
     */
    public CiraCredentialCheck check(Optional<CiraCredential> labWide) {
        return (device, user, password) -> {
            Optional<Account> own;
            try {
                own = find(device);
            } catch (IOException | IllegalStateException e) {
                // A file that cannot be read or opened admits nobody under that UUID.
                return false;
            }
            if (own.isPresent()) {
                return new CiraCredential(own.get().user(), own.get().password().getBytes(StandardCharsets.UTF_8))
                        .matches(user, password);
            }
            return labWide.map(c -> c.matches(user, password)).orElse(false);
        };
    }

    private static String name(DeviceUuid device) {
        return PREFIX + device.toString().toLowerCase(Locale.ROOT);
    }

    private static String random(String letters, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return out.toString();
    }
}
