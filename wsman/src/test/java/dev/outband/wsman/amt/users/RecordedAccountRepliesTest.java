package dev.outband.wsman.amt.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.RecordedItem;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Accounts as AMT reports them, from go-wsman-messages' recorded
 * pkg/wsman/wsmantesting/responses/amt/authorization/getuseraclentryex.xml; the digest password from the
 * worked example of RFC 2617 section 3.5, whose HA1 is the MD5 AMT's methods take.
 */
class RecordedAccountRepliesTest {
    @Test
    void theRecordedEntryIsALocalUserWithTheLocalUnRealm() throws Exception {
        UserAccount account = UserAccountService.account(2, RecordedItem.parse(
                "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_AuthorizationService", "GetUserAclEntryEx_OUTPUT",
                "<h:DigestUsername>$$uns</h:DigestUsername><h:AccessPermission>0</h:AccessPermission>"
                        + "<h:Realms>16</h:Realms><h:ReturnValue>0</h:ReturnValue>"));

        assertThat(account).isEqualTo(new UserAccount(2, "$$uns", AccessPermission.LOCAL, List.of(16)));
        assertThat(Realms.name(16)).isEqualTo("Local UN");
    }

    @Test
    void theDigestPasswordIsTheRfc2617Ha1InBase64() {
        // RFC 2617, 3.5: Mufasa / testrealm@host.com / "Circle Of Life"; HA1 = 939e7578ed9e3c518a452acee763bce9.
        String digest = DigestPassword.of("Mufasa", "testrealm@host.com", "Circle Of Life");

        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(digest)))
                .isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }
}
