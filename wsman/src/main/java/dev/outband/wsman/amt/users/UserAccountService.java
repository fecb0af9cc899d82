package dev.outband.wsman.amt.users;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * AMT's user accounts (AMT_AuthorizationService): list them, add, change and remove digest users, set the
 * administrator's password.
 */
public final class UserAccountService {
    private static final Reference SERVICE = Reference.of("AMT_AuthorizationService");
    /** Pages read at most: AMT keeps a few dozen entries and answers up to 50 handles per call. */
    private static final int MAX_PAGES = 20;

    private final WsmanClient wsman;

    public UserAccountService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    /** The realm passwords are hashed with (AMT_GeneralSettings.DigestRealm). */
    public String digestRealm() throws WsmanException {
        return wsman.get("AMT_GeneralSettings").get("DigestRealm");
    }

    /** The built-in administrator first, then every other entry in AMT's order. */
    public List<UserAccount> list() throws WsmanException {
        List<UserAccount> accounts = new ArrayList<>();
        String admin = wsman.invoke(SERVICE, "GetAdminAclEntry", List.of()).get("Username");
        accounts.add(new UserAccount(UserAccount.ADMIN_HANDLE, admin, AccessPermission.ANY,
                List.of(Realms.ADMINISTRATION)));
        for (long handle : handles()) {
            accounts.add(account(handle, wsman.invoke(SERVICE, "GetUserAclEntryEx",
                    List.of(Argument.of("Handle", handle)))));
        }
        return accounts;
    }

    static UserAccount account(long handle, CimObject entry) {
        String name = entry.find("DigestUsername").orElse("Kerberos user");
        return new UserAccount(handle, name, AccessPermission.of(entry.getLong("AccessPermission", 2)),
                entry.all("Realms").stream().map(Integer::valueOf).toList());
    }

    private List<Long> handles() throws WsmanException {
        List<Long> handles = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            CimObject out = wsman.invoke(SERVICE, "EnumerateUserAclEntries",
                    List.of(Argument.of("StartIndex", handles.size() + 1)));
            List<String> more = out.all("Handles");
            more.forEach(h -> handles.add(Long.parseLong(h)));
            if (more.isEmpty() || handles.size() >= out.getLong("TotalCount", 0)) {
                break;
            }
        }
        return handles;
    }

    /** Adds a digest user; returns its handle. */
    public long add(String user, String password, AccessPermission permission, List<Integer> realms)
            throws WsmanException {
        String realm = digestRealm();
        CimObject out = wsman.invoke(SERVICE, "AddUserAclEntryEx", List.of(
                Argument.of("DigestUsername", user),
                Argument.of("DigestPassword", DigestPassword.of(user, realm, password)),
                Argument.of("AccessPermission", permission.ordinal()),
                new Argument.Values("Realms", realms.stream().map(String::valueOf).toList())));
        return out.getLong("Handle", 0);
    }

    /**
     * Changes an entry: name, password, permission and realms together. AMT takes the digest password with every
     * update, and its hash depends on the name, so a change always carries the password.
     */
    public void update(long handle, String user, String password, AccessPermission permission, List<Integer> realms)
            throws WsmanException {
        wsman.invoke(SERVICE, "UpdateUserAclEntryEx", List.of(
                Argument.of("Handle", handle),
                Argument.of("DigestUsername", user),
                Argument.of("DigestPassword", DigestPassword.of(user, digestRealm(), password)),
                Argument.of("AccessPermission", permission.ordinal()),
                new Argument.Values("Realms", realms.stream().map(String::valueOf).toList())));
    }

    public void remove(long handle) throws WsmanException {
        wsman.invoke(SERVICE, "RemoveUserAclEntry", List.of(Argument.of("Handle", handle)));
    }

    /** Sets the built-in administrator's name and password; later requests must log in with them. */
    public void setAdmin(String user, String password) throws WsmanException {
        wsman.invoke(SERVICE, "SetAdminAclEntryEx", List.of(Argument.of("Username", user),
                Argument.of("DigestPassword", DigestPassword.of(user, digestRealm(), password))));
    }
}
