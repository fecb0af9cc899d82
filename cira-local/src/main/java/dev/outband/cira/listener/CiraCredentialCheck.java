package dev.outband.cira.listener;

import dev.outband.cira.apf.DeviceUuid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Decides whether a device's CIRA user and password are right. */
@FunctionalInterface
public interface CiraCredentialCheck {
    boolean accepts(DeviceUuid device, String user, byte[] password);

    /** One user and password shared by every device in the lab. */
    static CiraCredentialCheck labWide(String user, byte[] password) {
        CiraCredential credential = new CiraCredential(user, password);
        return (device, offeredUser, offeredPassword) -> credential.matches(offeredUser, offeredPassword);
    }

    /** Credentials per device; an unknown UUID is refused. */
    static CiraCredentialCheck perDevice(Map<DeviceUuid, CiraCredential> credentials) {
        Map<DeviceUuid, CiraCredential> copy = Map.copyOf(credentials);
        return (device, user, password) -> {
            CiraCredential known = copy.get(device);
            return known != null && known.matches(user, password);
        };
    }

    /**
     * Credentials per device, and the lab-wide ones only for devices that have none of their own: a UUID
     * with its own credentials is never accepted with the lab-wide password.
     */
    static CiraCredentialCheck perDeviceThenLabWide(Map<DeviceUuid, CiraCredential> credentials, String labUser,
                                                    byte[] labPassword) {
        Map<DeviceUuid, CiraCredential> copy = Map.copyOf(credentials);
        CiraCredentialCheck own = perDevice(copy);
        CiraCredentialCheck lab = labWide(labUser, labPassword);
        return (device, user, password) -> copy.containsKey(device)
                ? own.accepts(device, user, password)
                : lab.accepts(device, user, password);
    }

    /** A user and password; compared in constant time so timing reveals nothing. */
    record CiraCredential(String user, byte[] password) {
        public CiraCredential {
            password = password.clone();
        }

        public boolean matches(String offeredUser, byte[] offeredPassword) {
            boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                    offeredUser.getBytes(StandardCharsets.UTF_8));
            boolean passwordMatches = MessageDigest.isEqual(password, offeredPassword);
            return userMatches & passwordMatches;
        }

        @Override
        public String toString() {
            return "CiraCredential[user=" + user + ", password=***]";
        }
    }
}
