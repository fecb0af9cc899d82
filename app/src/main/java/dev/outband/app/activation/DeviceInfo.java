package dev.outband.app.activation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.outband.wsman.http.DigestCredentials;

/**
 * What the client read from the device's firmware and OS, the first message's payload as rpc-go's
 * {@code MessagePayload} (internal/rps/message.go). {@code username}/{@code password} are the local system
 * account before activation, the admin's afterwards; {@code fqdn} is the DNS suffix.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceInfo(@JsonProperty("ver") String version, String build, String sku, String uuid,
                         String username, String password, int currentMode, String hostname, String fqdn,
                         String client, @JsonProperty("certHashes") List<String> certHashes,
                         IpConfiguration ipConfiguration) {
    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IpConfiguration(boolean dhcp, @JsonProperty("static") boolean isStatic, String ipAddress) {
    }

    public DeviceInfo {
        certHashes = certHashes == null ? null : List.copyOf(certHashes);
    }

    /**
     * Parses and checks the first payload as rps does (src/Validator.ts): client, version, build, uuid. The password
     * is checked by the session, which knows whether it is needed.
     */
    static DeviceInfo parse(byte[] json) throws RpsMessage.Malformed {
        DeviceInfo info;
        try {
            info = JSON.readValue(json, DeviceInfo.class);
        } catch (IOException e) {
            throw new RpsMessage.Malformed("Invalid payload from client");
        }
        if (info == null) {
            throw new RpsMessage.Malformed("Invalid payload from client");
        }
        if (blank(info.uuid())) {
            throw new RpsMessage.Malformed("Missing uuid from payload");
        }
        if (info.uuid().length() != 36) {
            throw new RpsMessage.Malformed("uuid not valid length");
        }
        if (blank(info.client()) || blank(info.version()) || blank(info.build())) {
            throw new RpsMessage.Malformed("Invalid payload from client: client, ver and build are needed");
        }
        return info;
    }

    /**
     * The account WS-Man logs on with through the client: before activation the local system account the client
     * read from the ME; afterwards admin with the password the user gave (rps does the same).
     */
    Optional<DigestCredentials> credentials() {
        if (blank(password)) {
            return Optional.empty();
        }
        return Optional.of(new DigestCredentials(currentMode == 0 && !blank(username) ? username : "admin", password));
    }

    /** The DNS suffix the client reported, without a trailing dot, lower case; empty when none. */
    String dnsSuffix() {
        String s = fqdn == null ? "" : fqdn.strip().toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "DeviceInfo[uuid=" + uuid + ", ver=" + version + ", mode=" + currentMode + ", hostname=" + hostname + "]";
    }
}
