package dev.outband.app.activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AMT's local WS-Man interface as the test's client reaches it: raw HTTP in, raw HTTP out. Replies are AMT's own
 * recorded envelopes (DMT go-wsman-messages, pkg/wsman/wsmantesting/responses at b455ed38, copied under
 * test resources {@code recorded/}) with RelatesTo set to the request's MessageID; 200s are chunked and a missing or
 * wrong Authorization gets AMT's 401 challenge. Digest is checked here from RFC 2617's formulas, and after Setup
 * or AdminSetup with the NetworkAdminPassword the server sent (AMT keeps exactly that HA1), so a wrong hash of the
 * new password fails the next call.
 */
final class ScriptedAmt {
    static final String REALM = "Digest:F3EB554784E729164447A89F60B641C5";
    private static final Pattern ACTION = Pattern.compile("<a:Action>([^<]+)</a:Action>");
    private static final Pattern MESSAGE_ID = Pattern.compile("<a:MessageID>([^<]+)</a:MessageID>");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))");

    /** One request the device answered: its action URI, body and Host header. */
    record Call(String action, String body, String host) {
        String method() {
            return action.substring(action.lastIndexOf('/') + 1);
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final String nonce = "aGVsbG8td29ybGQtbm9uY2U=";
    private volatile String user;
    private volatile String ha1;
    private volatile int controlMode;
    private final Map<String, UnaryOperator<String>> overrides = new LinkedHashMap<>();

    ScriptedAmt(String lsaUser, String lsaPassword) {
        this.user = lsaUser;
        this.ha1 = md5(lsaUser + ":" + REALM + ":" + lsaPassword);
    }

    /** Changes the recorded reply for a method (e.g. a non-zero ReturnValue). */
    ScriptedAmt override(String method, UnaryOperator<String> edit) {
        overrides.put(method, edit);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    int controlMode() {
        return controlMode;
    }

    synchronized byte[] answer(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = text.substring(0, split);
        String body = text.substring(split + 4);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        if (!head.startsWith("POST /wsman HTTP/1.1") || !authorized(headers.get("authorization"))) {
            return unauthorized();
        }
        Matcher action = ACTION.matcher(body);
        Matcher id = MESSAGE_ID.matcher(body);
        if (!action.find() || !id.find()) {
            throw new IllegalStateException("not a WS-Man envelope: " + body);
        }
        Call call = new Call(action.group(1), body, headers.get("host"));
        calls.add(call);
        String reply = reply(call).replaceFirst("<b:RelatesTo>[^<]*</b:RelatesTo>",
                "<b:RelatesTo>" + id.group(1) + "</b:RelatesTo>");
        return ok(overrides.getOrDefault(call.method(), s -> s).apply(reply));
    }

    private String reply(Call call) {
        String method = call.method();
        return switch (method) {
            case "Get" -> call.body().contains("AMT_GeneralSettings") ? recorded("amt-general-get")
                    : call.body().contains("IPS_HostBasedSetupService")
                    ? recorded("ips-hostbasedsetup-get").replace("<g:CurrentControlMode>2<",
                            "<g:CurrentControlMode>" + controlMode + "<")
                    : call.body().contains("AMT_RedirectionService") ? recorded("amt-redirectionservice-get")
                    : recorded("ips-optin-get");
            case "Put" -> call.body().contains("AMT_RedirectionService") ? recorded("amt-redirectionservice-put")
                    : recorded("ips-optin-get");
            case "Setup", "AdminSetup" -> {
                // AMT keeps the admin's HA1 as sent; from now on only admin with the new password gets in.
                Matcher hash = Pattern.compile("<h:NetworkAdminPassword>([0-9a-f]{32})</h:NetworkAdminPassword>")
                        .matcher(call.body());
                if (!hash.find()) {
                    throw new IllegalStateException(method + " without a NetworkAdminPassword: " + call.body());
                }
                String reply = recorded("ips-hostbasedsetup-" + method.toLowerCase(Locale.ROOT));
                if (!overrides.containsKey(method)) {
                    user = "admin";
                    ha1 = hash.group(1);
                    controlMode = method.equals("Setup") ? 1 : 2;
                }
                yield reply;
            }
            case "AddNextCertInChain" -> recorded("ips-hostbasedsetup-addnextcertinchain");
            case "Unprovision" -> {
                controlMode = 0;
                yield recorded("amt-setupandconfiguration-unprovision");
            }
            case "SetMEBxPassword" -> recorded("amt-setupandconfiguration-setmebxpassword");
            case "RequestStateChange" -> recorded("amt-redirectionservice-requeststatechange");
            default -> throw new IllegalStateException("no recording for " + call.action());
        };
    }

    /** Pretends an activation that already happened (for "already activated"). */
    void activated(int mode, String adminPassword) {
        controlMode = mode;
        user = "admin";
        ha1 = md5("admin:" + REALM + ":" + adminPassword);
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(header.substring(7));
        while (m.find()) {
            f.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String ha2 = md5("POST:" + f.get("uri"));
        String expected = md5(ha1 + ":" + nonce + ":" + f.get("nc") + ":" + f.get("cnonce") + ":auth:" + ha2);
        return user.equals(f.get("username")) && REALM.equals(f.get("realm")) && nonce.equals(f.get("nonce"))
                && "auth".equals(f.get("qop")) && expected.equals(f.get("response"));
    }

    private byte[] unauthorized() {
        String page = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><html><head><title>Intel"
                + "</title></head><body>Unauthorized</body></html>";
        return ("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + nonce
                + "\",stale=\"false\",qop=\"auth\"\r\nContent-Type: text/html\r\nServer: Intel(R) Active Management"
                + " Technology 16.1.25\r\nContent-Length: " + page.length() + "\r\nConnection: close\r\n\r\n" + page)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] ok(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nDate: Sun, 6 Dec 2026 14:00:00 GMT\r\nServer: Intel(R) Active Management"
                + " Technology 16.1.25\r\nX-Frame-Options: DENY\r\nContent-Type: application/soap+xml; charset=UTF-8\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        System.arraycopy(tail, 0, out, head.length + body.length, tail.length);
        return out;
    }

    static String recorded(String name) {
        try (InputStream in = ScriptedAmt.class.getResourceAsStream("recorded/" + name + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> between(String text, String open, String close) {
        List<String> out = new ArrayList<>();
        for (int i = text.indexOf(open); i >= 0; i = text.indexOf(open, i + 1)) {
            int end = text.indexOf(close, i);
            out.add(text.substring(i + open.length(), end));
        }
        return out;
    }
}
