package dev.outband.wsman.amt.users;

import java.util.List;

/**
 * One entry of AMT's user list. {@code handle} names it in later calls; the built-in administrator has
 * handle {@link #ADMIN_HANDLE} and every realm. A Kerberos entry has no digest user name.
 */
public record UserAccount(long handle, String name, AccessPermission permission, List<Integer> realms) {
    public static final long ADMIN_HANDLE = -1;

    public UserAccount {
        realms = List.copyOf(realms);
    }

    public boolean admin() {
        return handle == ADMIN_HANDLE;
    }
}
