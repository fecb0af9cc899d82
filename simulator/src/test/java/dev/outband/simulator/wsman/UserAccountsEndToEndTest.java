package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.users.AccessPermission;
import dev.outband.wsman.amt.users.UserAccount;
import dev.outband.wsman.amt.users.UserAccountService;
import dev.outband.wsman.http.DigestCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * AMT's user accounts through our client against the simulator: the digest hash AMT stores is what the next
 * login is checked against, so each edit is proved by logging in (or failing to) with real HTTP Digest.
 * Return values are AMT's PT_STATUS codes as MeshCommander's amt-0.2.0.js names them.
 */
@Timeout(30)
class UserAccountsEndToEndTest {
    private static final DigestCredentials OPERATOR = new DigestCredentials("operator", "0perat0r!Pass");

    @Test
    void anAddedUserIsListedAndLogsInUntilItIsRemoved() throws Exception {
        try (Fixture sim = new Fixture()) {
            UserAccountService users = sim.client().users();
            assertThat(users.list()).containsExactly(new UserAccount(UserAccount.ADMIN_HANDLE, "admin",
                    AccessPermission.ANY, List.of(3)));

            long handle = users.add(OPERATOR.user(), OPERATOR.password(), AccessPermission.NETWORK, List.of(2, 5, 13));

            assertThat(users.list()).contains(new UserAccount(handle, "operator", AccessPermission.NETWORK,
                    List.of(2, 5, 13)));
            assertThat(sim.client(OPERATOR, WsmanSettings.defaults()).identity().read().amtVersion())
                    .isEqualTo("16.1.25");

            users.remove(handle);
            assertThat(users.list()).extracting(UserAccount::name).containsExactly("admin");
            assertThatThrownBy(() -> sim.client(OPERATOR, WsmanSettings.defaults()).identity().read())
                    .isInstanceOf(WsmanException.CredentialsRejected.class);
        }
    }

    @Test
    void aChangedPasswordIsTheOneThatLogsIn() throws Exception {
        try (Fixture sim = new Fixture()) {
            UserAccountService users = sim.client().users();
            long handle = users.add(OPERATOR.user(), OPERATOR.password(), AccessPermission.ANY, List.of(2));

            users.update(handle, "operator", "N3w!Passw0rd", AccessPermission.ANY, List.of(2, 3));

            assertThatThrownBy(() -> sim.client(OPERATOR, WsmanSettings.defaults()).identity().read())
                    .isInstanceOf(WsmanException.CredentialsRejected.class);
            assertThat(sim.client(new DigestCredentials("operator", "N3w!Passw0rd"), WsmanSettings.defaults())
                    .users().list()).extracting(UserAccount::realms).contains(List.of(2, 3));
        }
    }

    @Test
    void theAdminPasswordChangeTakesEffectAtOnce() throws Exception {
        try (Fixture sim = new Fixture()) {
            sim.client().users().setAdmin("admin", "Chang3d!Admin");

            assertThatThrownBy(() -> sim.client().identity().read())
                    .isInstanceOf(WsmanException.CredentialsRejected.class);
            assertThat(sim.client(new DigestCredentials("admin", "Chang3d!Admin"), WsmanSettings.defaults())
                    .users().list().getFirst().name()).isEqualTo("admin");
        }
    }

    @Test
    void badNamesDuplicatesAndUnknownHandlesGetAmtsReturnValues() throws Exception {
        try (Fixture sim = new Fixture()) {
            UserAccountService users = sim.client().users();
            users.add(OPERATOR.user(), OPERATOR.password(), AccessPermission.ANY, List.of(2));

            assertThatThrownBy(() -> users.add("seventeen-chars-x", "Passw0rd!", AccessPermission.ANY, List.of(2)))
                    .isInstanceOfSatisfying(ReturnValueException.class, e -> assertThat(e.returnValue()).isEqualTo(12));
            assertThatThrownBy(() -> users.add("operator", "Other0ne!", AccessPermission.ANY, List.of(2)))
                    .isInstanceOfSatisfying(ReturnValueException.class,
                            e -> assertThat(e.returnValue()).isEqualTo(0x80A));
            assertThatThrownBy(() -> users.add("admin", "Other0ne!", AccessPermission.ANY, List.of(2)))
                    .isInstanceOfSatisfying(ReturnValueException.class,
                            e -> assertThat(e.returnValue()).isEqualTo(0x80A));
            assertThatThrownBy(() -> users.add("viewer", "Other0ne!", AccessPermission.ANY, List.of(22)))
                    .isInstanceOfSatisfying(ReturnValueException.class,
                            e -> assertThat(e.returnValue()).isEqualTo(0x807));
            assertThatThrownBy(() -> users.remove(99))
                    .isInstanceOfSatisfying(ReturnValueException.class,
                            e -> assertThat(e.returnValue()).isEqualTo(0x805));
            assertThatThrownBy(() -> users.remove(UserAccount.ADMIN_HANDLE))
                    .isInstanceOfSatisfying(ReturnValueException.class,
                            e -> assertThat(e.returnValue()).isEqualTo(0x805));
            assertThat(users.list()).extracting(UserAccount::name).containsExactly("admin", "operator");
        }
    }

    @Test
    void theTableHoldsAFixedNumberOfUsers() throws Exception {
        try (Fixture sim = new Fixture()) {
            UserAccountService users = sim.client().users();
            for (int i = 0; i < dev.outband.simulator.device.UserAccounts.MAX_ENTRIES; i++) {
                users.add("user" + i, "Passw0rd!", AccessPermission.ANY, List.of(2));
            }
            assertThatThrownBy(() -> users.add("one-more", "Passw0rd!", AccessPermission.ANY, List.of(2)))
                    .isInstanceOfSatisfying(ReturnValueException.class, e -> assertThat(e.returnValue()).isEqualTo(23));
        }
    }
}
