package dev.outband.app.cira;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the technician gives to start the listener. An empty {@code password} means "the one saved
 * last time"; {@code caPassphrase} is needed only when a lab CA has to sign a new certificate.
 */
public record StartRequest(int port, String user, char[] password, char[] caPassphrase) {
    public StartRequest {
        Objects.requireNonNull(user);
        password = password == null ? new char[0] : password.clone();
        caPassphrase = caPassphrase == null ? new char[0] : caPassphrase.clone();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** Clears the secrets once the listener has them. */
    void wipe() {
        Arrays.fill(password, '\0');
        Arrays.fill(caPassphrase, '\0');
    }

    @Override
    public String toString() {
        return "StartRequest[port=" + port + ", user=" + user + ", password=***]";
    }
}
