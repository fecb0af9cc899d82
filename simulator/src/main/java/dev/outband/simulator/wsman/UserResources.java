package dev.outband.simulator.wsman;

import dev.outband.simulator.device.PtStatus;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.CimObject;
import java.util.List;

/**
 * AMT_AuthorizationService as AMT 16 answers it (go-wsman-messages' recorded amt/authorization replies):
 * the administrator's name, the user entries by handle, and adding, changing and removing digest users.
 */
final class UserResources {
    private static final String SERVICE = "AMT_AuthorizationService";
    /** Handles per EnumerateUserAclEntries answer, as AMT pages them. */
    private static final int PAGE = 50;

    private UserResources() {
    }

    static List<ResourceClass> all() {
        return List.of(ResourceClass.of(SERVICE, d -> List.of(Instance.of(SERVICE)
                        .with("AllowHttpQopAuthOnly", 1).with("CreationClassName", SERVICE)
                        .with("ElementName", "Intel(r) AMT Authorization Service").with("EnabledState", 5)
                        .with("Name", "Intel(r) AMT Authorization Service").with("RequestedState", 12)
                        .with("SystemCreationClassName", "CIM_ComputerSystem").with("SystemName", "Intel(r) AMT")))
                .method("GetAdminAclEntry", (d, in) -> Instance.output(SERVICE, "GetAdminAclEntry")
                        .with("Username", d.users().adminName()).with("ReturnValue", PtStatus.SUCCESS))
                .method("EnumerateUserAclEntries", UserResources::enumerate)
                .method("GetUserAclEntryEx", UserResources::get)
                .method("AddUserAclEntryEx", UserResources::add)
                .method("UpdateUserAclEntryEx", (d, in) -> Instance.output(SERVICE, "UpdateUserAclEntryEx",
                        d.users().update(in.getLong("Handle", 0), in.get("DigestUsername"), in.get("DigestPassword"),
                                (int) in.getLong("AccessPermission", -1), realms(in))))
                .method("RemoveUserAclEntry", (d, in) -> Instance.output(SERVICE, "RemoveUserAclEntry",
                        d.users().remove(in.getLong("Handle", 0))))
                .method("SetAdminAclEntryEx", (d, in) -> Instance.output(SERVICE, "SetAdminAclEntryEx",
                        d.provisioning().setAdminAccount(in.get("Username"), in.get("DigestPassword"))))
                .build());
    }

    /** StartIndex counts from 1; the answer carries the total and up to a page of handles. */
    private static Instance enumerate(VirtualDevice d, CimObject in) {
        List<Long> handles = d.users().handles();
        long start = in.getLong("StartIndex", 0);
        if (start < 1) {
            return Instance.output(SERVICE, "EnumerateUserAclEntries", PtStatus.INVALID_PARAMETER);
        }
        List<String> page = handles.stream().skip(start - 1).limit(PAGE).map(String::valueOf).toList();
        return Instance.output(SERVICE, "EnumerateUserAclEntries").with("TotalCount", handles.size())
                .with("HandlesCount", page.size()).with("Handles", page).with("ReturnValue", PtStatus.SUCCESS);
    }

    private static Instance get(VirtualDevice d, CimObject in) {
        return d.users().entry(in.getLong("Handle", 0))
                .map(e -> Instance.output(SERVICE, "GetUserAclEntryEx").with("DigestUsername", e.name())
                        .with("AccessPermission", e.permission())
                        .with("Realms", e.realms().stream().map(String::valueOf).toList())
                        .with("ReturnValue", PtStatus.SUCCESS))
                .orElseGet(() -> Instance.output(SERVICE, "GetUserAclEntryEx", PtStatus.INVALID_HANDLE));
    }

    private static Instance add(VirtualDevice d, CimObject in) {
        long handle = d.users().add(in.get("DigestUsername"), in.get("DigestPassword"),
                (int) in.getLong("AccessPermission", -1), realms(in));
        return handle < 0 ? Instance.output(SERVICE, "AddUserAclEntryEx", -handle)
                : Instance.output(SERVICE, "AddUserAclEntryEx").with("Handle", handle)
                        .with("ReturnValue", PtStatus.SUCCESS);
    }

    /** Realms arrive as repeated elements; a value that is no number is no realm AMT knows. */
    private static List<Integer> realms(CimObject in) {
        return in.all("Realms").stream().map(r -> {
            try {
                return Integer.valueOf(r);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).toList();
    }
}
