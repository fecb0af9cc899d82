package dev.outband.wsman.amt.users;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AMT's realms (RealmValues of AMT_AuthorizationService): what an account may do. 3, PT administration, makes
 * an account an administrator. Names as MeshCommander shows them; reserved values are left out.
 */
public final class Realms {
    public static final int ADMINISTRATION = 3;
    private static final Map<Integer, String> NAMES = new TreeMap<>(Map.ofEntries(
            Map.entry(2, "Redirection"), Map.entry(ADMINISTRATION, "Administrator"),
            Map.entry(4, "Hardware asset"), Map.entry(5, "Remote control"), Map.entry(6, "Storage"),
            Map.entry(7, "Event manager"), Map.entry(8, "Storage admin"), Map.entry(9, "Agent presence local"),
            Map.entry(10, "Agent presence remote"), Map.entry(11, "Circuit breaker"), Map.entry(12, "Network time"),
            Map.entry(13, "General information"), Map.entry(14, "Firmware update"), Map.entry(15, "EIT"),
            Map.entry(16, "Local UN"), Map.entry(17, "Endpoint access control"),
            Map.entry(18, "Endpoint access control admin"), Map.entry(19, "Event log reader"),
            Map.entry(20, "Audit log"), Map.entry(21, "ACL"), Map.entry(24, "Local system")));

    private Realms() {
    }

    /** Every realm a technician can grant, in AMT's order. */
    public static List<Integer> all() {
        return List.copyOf(NAMES.keySet());
    }

    public static boolean known(int realm) {
        return NAMES.containsKey(realm);
    }

    public static String name(int realm) {
        return NAMES.getOrDefault(realm, "Realm " + realm);
    }
}
