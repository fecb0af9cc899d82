package dev.outband.app.cira;

import dev.outband.app.store.SecretFiles;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each device's own CIRA user and password, generated when the device is set up to call home and
 * sealed with the store key in one secret file. The listener admits a UUID only with its own
 * credentials once it has them.
 */
public final class CiraDeviceCredentials {
    static final String SECRET = "cira-device-credentials";
    private static final int PASSWORD_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretFiles secrets;

    public CiraDeviceCredentials(SecretFiles secrets) {
        this.secrets = secrets;
    }

    /** Every device's credentials; empty when none were generated. */
    public synchronized Map<DeviceUuid, CiraCredential> all() throws IOException {
        Map<DeviceUuid, CiraCredential> credentials = new LinkedHashMap<>();
        String text = secrets.load(SECRET).map(s -> s.reveal()).orElse("");
        for (String line : text.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                credentials.put(DeviceUuid.parse(fields[0]),
                        new CiraCredential(fields[1], Base64.getDecoder().decode(fields[2])));
            }
        }
        return credentials;
    }

    /** New credentials for {@code uuid}, replacing any it had; the device must then be given them. */
    public synchronized CiraCredential generate(DeviceUuid uuid) throws IOException {
        Map<DeviceUuid, CiraCredential> credentials = all();
        String text = uuid.toString();
        byte[] random = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(random);
        // Letters, digits, '-' and '_' only: AMT's MPS password field takes them without escaping.
        byte[] password = Base64.getUrlEncoder().withoutPadding().encode(random);
        CiraCredential credential = new CiraCredential("cira-" + text.substring(0, text.indexOf('-')), password);
        credentials.put(uuid, credential);
        StringBuilder sealed = new StringBuilder();
        credentials.forEach((device, c) -> sealed.append(device).append('\t').append(c.user()).append('\t')
                .append(Base64.getEncoder().encodeToString(c.password())).append('\n'));
        secrets.save(SECRET, sealed.toString());
        return credential;
    }
}
