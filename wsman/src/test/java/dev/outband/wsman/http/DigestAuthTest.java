package dev.outband.wsman.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.soap.CimObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real client against a raw HTTP server on loopback that challenges as a device may and checks each
 * answer with its own few-line RFC 7616 verifier (independent of the client's code).
 */
@Timeout(20)
class DigestAuthTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "P@ssw0rd";
    private static final String REALM = "Digest:A3829B3827DE4D33D4449B366831B2C4";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @Test
    void digestIsFoundWhereverNegotiateStandsInItsOwnHeader() throws Exception {
        String negotiate = "WWW-Authenticate: Negotiate";
        String digest = "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"n1\", qop=\"auth\"";
        for (List<String> headers : List.of(List.of(digest, negotiate), List.of(negotiate, digest))) {
            CimObject reply = get(headers, "MD5", USER);
            assertThat(reply.get("HostName")).isEqualTo("pc1");
            assertThat(authorizations.getLast()).startsWith("Digest ");
        }
    }

    @Test
    void aSha256ChallengeIsAnsweredWithSha256() throws Exception {
        get(List.of("WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-256"),
                "SHA-256", USER);
        assertThat(authorizations.getLast()).contains("algorithm=SHA-256");
    }

    @Test
    void sha256IsPreferredWhenTheDeviceListsItFirst() throws Exception {
        get(List.of("WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-256",
                "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"n1\", qop=\"auth\", algorithm=MD5"),
                "SHA-256", USER);
    }

    @Test
    void authIntAloneIsAnsweredWithAuthInt() throws Exception {
        get(List.of("WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"n1\", qop=\"auth-int\""), "MD5", USER);
        assertThat(authorizations.getLast()).contains("qop=auth-int");
    }

    @Test
    void authIsChosenWhenAuthIntIsAlsoOffered() throws Exception {
        get(List.of("WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"n1\", qop=\"auth-int,auth\""), "MD5",
                USER);
        assertThat(authorizations.getLast()).contains("qop=auth,").doesNotContain("auth-int");
    }

    @Test
    void anUnsupportedAlgorithmIsNamedNotAnsweredWithMd5() {
        assertThatThrownBy(() -> get(List.of("WWW-Authenticate: Digest realm=\"" + REALM
                + "\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-512-256"), "SHA-512-256", USER))
                .isInstanceOf(WsmanException.UnsupportedAuthentication.class)
                .hasMessage("Cannot authenticate to AMT: unsupported digest algorithm SHA-512-256");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void aDeviceAskingOnlyForNegotiateIsToldApart() {
        assertThatThrownBy(() -> get(List.of("WWW-Authenticate: Negotiate"), "MD5", USER))
                .isInstanceOf(WsmanException.UnsupportedAuthentication.class)
                .hasMessage("Cannot authenticate to AMT: the device asks for Negotiate authentication, not Digest");
    }

    @Test
    void aUserNameWithQuoteAndBackslashTravelsEscapedAndVerifies() throws Exception {
        String user = "ad\"m\\in";
        get(List.of("WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"n1\", qop=\"auth\""), "MD5", user);
        assertThat(authorizations.getLast()).startsWith("Digest username=\"ad\\\"m\\\\in\", ");
    }

    /** One Get through the real client; the server accepts only a correct answer for {@code algorithm}. */
    private CimObject get(List<String> challenges, String algorithm, String user) throws Exception {
        try (RawHttpServer server = new RawHttpServer(r -> answer(r, challenges, algorithm, user))) {
            return AmtClient.connect(HttpClients.shared(), DeviceEndpoint.http("127.0.0.1", server.port(),
                    new DigestCredentials(user, PASSWORD)), WsmanSettings.defaults()).wsman()
                    .get("AMT_GeneralSettings");
        }
    }

    private String answer(RawHttpServer.Request r, List<String> challenges, String algorithm, String user) {
        String authorization = r.header("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        if (authorization == null || !verifies(authorization, r, algorithm, user)) {
            return RawHttpServer.response("401 Unauthorized", challenges, "");
        }
        String body = r.bodyText();
        int at = body.indexOf("<a:MessageID>") + "<a:MessageID>".length();
        String id = body.substring(at, body.indexOf('<', at));
        return RawHttpServer.response("200 OK", List.of("Content-Type: application/soap+xml"),
                "<?xml version=\"1.0\"?><a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\""
                        + " xmlns:b=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><a:Header><b:RelatesTo>" + id
                        + "</b:RelatesTo></a:Header><a:Body><g:AMT_GeneralSettings xmlns:g=\"http://intel.com/wbem/"
                        + "wscim/1/amt-schema/1/AMT_GeneralSettings\"><g:HostName>pc1</g:HostName>"
                        + "</g:AMT_GeneralSettings></a:Body></a:Envelope>");
    }

    /** RFC 7616 section 3.4.1 and 3.4.3 (auth, auth-int), with RFC 7230 quoted-pairs undone. */
    private static boolean verifies(String authorization, RawHttpServer.Request r, String algorithm, String user) {
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(authorization.substring("Digest ".length()));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
        }
        String qop = p.get("qop");
        String ha1 = hash(algorithm, user + ":" + REALM + ":" + PASSWORD);
        String a2 = r.method() + ":" + p.get("uri")
                + ("auth-int".equals(qop) ? ":" + hash(algorithm, r.bodyText()) : "");
        String expected = hash(algorithm, ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":"
                + qop + ":" + hash(algorithm, a2));
        return user.equals(p.get("username")) && REALM.equals(p.get("realm")) && expected.equals(p.get("response"));
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }
}
