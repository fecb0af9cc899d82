package dev.outband.simulator.device;

import dev.outband.wsman.http.DigestCredentials;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AMT's account table: the built-in administrator and the digest users added beside it, each kept as AMT keeps
 * it, as the HA1 hash MD5(user:realm:password) and never the password. The digest check of every request reads
 * it, so an added user logs in and a changed admin password takes effect at once. Calls answer with AMT's
 * PT_STATUS values.
 */
public final class UserAccounts {
    /** Longest user name AMT takes (7-bit ASCII, 16 characters, AMT_AuthorizationService's documentation). */
    public static final int MAX_NAME_LENGTH = 16;
    /** User entries beside the administrator that AMT's flash holds. */
    public static final int MAX_ENTRIES = 8;
    /** Realms AMT defines (RealmValues 2–21 and 24); 0, 1, 22, 23 are invalid or reserved. */
    private static final List<Integer> REALMS = List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
            19, 20, 21, 24);

    /** One user entry: its name, HA1 in hex, AccessPermission (0 local, 1 network, 2 any) and realms. */
    public record Entry(String name, String ha1, int permission, List<Integer> realms) {
    }

    private String adminName;
    private String adminHa1;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private long nextHandle = 1;

    public UserAccounts(String realm, String adminName, String adminPassword) {
        this.adminName = adminName;
        this.adminHa1 = DigestCredentials.md5(adminName + ":" + realm + ":" + adminPassword);
    }

    /** The HA1 a request by {@code user} must be signed with, or empty for an unknown user. */
    public synchronized Optional<String> ha1(String user) {
        if (adminName.equals(user)) {
            return Optional.ofNullable(adminHa1);
        }
        return entries.values().stream().filter(e -> e.name().equals(user)).map(Entry::ha1).findFirst();
    }

    public synchronized String adminName() {
        return adminName;
    }

    public synchronized List<Long> handles() {
        return new ArrayList<>(entries.keySet());
    }

    public synchronized Optional<Entry> entry(long handle) {
        return Optional.ofNullable(entries.get(handle));
    }

    /** AddUserAclEntryEx: the new handle, or a negated PT_STATUS. */
    public synchronized long add(String name, String digestPassword, int permission, List<Integer> realms) {
        long status = check(name, digestPassword, permission, realms, -1);
        if (status != PtStatus.SUCCESS) {
            return -status;
        }
        if (entries.size() >= MAX_ENTRIES) {
            return -PtStatus.MAX_LIMIT_REACHED;
        }
        long handle = nextHandle++;
        entries.put(handle, new Entry(name, ha1Hex(digestPassword), permission, List.copyOf(realms)));
        return handle;
    }

    /** UpdateUserAclEntryEx. */
    public synchronized long update(long handle, String name, String digestPassword, int permission,
                                    List<Integer> realms) {
        if (!entries.containsKey(handle)) {
            return PtStatus.INVALID_HANDLE;
        }
        long status = check(name, digestPassword, permission, realms, handle);
        if (status == PtStatus.SUCCESS) {
            entries.put(handle, new Entry(name, ha1Hex(digestPassword), permission, List.copyOf(realms)));
        }
        return status;
    }

    /** RemoveUserAclEntry: the administrator has no handle in the table and cannot be removed. */
    public synchronized long remove(long handle) {
        return entries.remove(handle) == null ? PtStatus.INVALID_HANDLE : PtStatus.SUCCESS;
    }

    /** Activation or unprovision: the administrator anew ({@code ha1Hex} null: no password yet) and no other users. */
    public synchronized void reset(String name, String ha1Hex) {
        adminName = name;
        adminHa1 = ha1Hex;
        entries.clear();
        nextHandle = 1;
    }

    /** SetAdminAclEntryEx. */
    public synchronized long setAdmin(String name, String digestPassword) {
        long status = checkName(name);
        if (status != PtStatus.SUCCESS) {
            return status;
        }
        if (entries.values().stream().anyMatch(e -> e.name().equals(name))) {
            return PtStatus.DUPLICATE;
        }
        if (decoded(digestPassword) == null) {
            return PtStatus.INVALID_PASSWORD;
        }
        adminName = name;
        adminHa1 = ha1Hex(digestPassword);
        return PtStatus.SUCCESS;
    }

    private long check(String name, String digestPassword, int permission, List<Integer> realms, long self) {
        long status = checkName(name);
        if (status != PtStatus.SUCCESS) {
            return status;
        }
        boolean taken = adminName.equals(name) || entries.entrySet().stream()
                .anyMatch(e -> e.getKey() != self && e.getValue().name().equals(name));
        if (taken) {
            return PtStatus.DUPLICATE;
        }
        if (decoded(digestPassword) == null) {
            return PtStatus.INVALID_PASSWORD;
        }
        if (permission < 0 || permission > 2 || realms.isEmpty()) {
            return PtStatus.INVALID_PARAMETER;
        }
        return REALMS.containsAll(realms) ? PtStatus.SUCCESS : PtStatus.INVALID_REALM;
    }

    private static long checkName(String name) {
        boolean ascii = name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ':');
        return name.isEmpty() || name.length() > MAX_NAME_LENGTH || !ascii ? PtStatus.INVALID_NAME : PtStatus.SUCCESS;
    }

    /** The 16 MD5 bytes a DigestPassword carries in Base64, or null when it carries anything else. */
    private static byte[] decoded(String digestPassword) {
        try {
            byte[] raw = Base64.getDecoder().decode(digestPassword);
            return raw.length == 16 ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String ha1Hex(String digestPassword) {
        return HexFormat.of().formatHex(decoded(digestPassword));
    }
}
