package dev.outband.app.ui.details.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.users.AccessPermission;
import dev.outband.wsman.amt.users.UserAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account form's checks, without a screen: names as AMT_AuthorizationService documents them (7-bit ASCII,
 * at most 16 characters) and passwords as AMT's strong-password rule asks (8–32, digit, lower, upper, symbol).
 */
class AccountFormTest {
    @Test
    void aNewUserNeedsAFreeNameAStrongPasswordTypedTwiceAndARealm() {
        AccountForm form = new AccountForm(null, List.of("admin"));
        form.name().set("admin");
        assertThat(form.nameError().get()).isEqualTo("the device already has a user of that name");
        form.name().set("seventeen-chars-x");
        assertThat(form.nameError().get()).isEqualTo("at most 16 characters");
        form.name().set("help desk");
        assertThat(form.nameError().get()).isEqualTo("letters, digits and symbols only, without spaces or ':'");
        form.name().set("helpdesk");
        form.password().set("alllowercase1!");
        assertThat(form.passwordError().get()).isEqualTo("needs a digit, a lower and an upper case letter and a symbol");
        form.password().set("H3lp!desk");
        form.confirm().set("H3lp!desk ");
        assertThat(form.confirmError().get()).isEqualTo("the two passwords differ");
        form.confirm().set("H3lp!desk");
        assertThat(form.valid().get()).as("no realm yet").isFalse();

        form.realms().add(2);

        assertThat(form.valid().get()).isTrue();
    }

    @Test
    void theAdministratorNeedsOnlyANewPassword() {
        AccountForm form = new AccountForm(new UserAccount(UserAccount.ADMIN_HANDLE, "admin", AccessPermission.ANY,
                List.of(3)), List.of("admin"));
        form.password().set("Chang3d!Admin");
        form.confirm().set("Chang3d!Admin");

        assertThat(form.admin()).isTrue();
        assertThat(form.valid().get()).isTrue();
    }
}
