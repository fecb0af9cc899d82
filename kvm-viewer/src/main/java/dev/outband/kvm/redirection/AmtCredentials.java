package dev.outband.kvm.redirection;

/**
 * The AMT user and password for the redirection digest. Empty credentials are for an MPS relay,
 * which answers the digest itself.
 */
public record AmtCredentials(String user, char[] password) {
    public AmtCredentials {
        user = user == null ? "" : user;
        password = password == null ? new char[0] : password;
    }

    public static AmtCredentials relay() {
        return new AmtCredentials("", new char[0]);
    }

    public boolean isRelay() {
        return user.isEmpty() && password.length == 0;
    }

    @Override
    public String toString() {
        return "AmtCredentials[user=" + user + "]";
    }
}
