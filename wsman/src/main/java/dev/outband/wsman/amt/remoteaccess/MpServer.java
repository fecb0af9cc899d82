package dev.outband.wsman.amt.remoteaccess;

/**
 * A management presence server (an MPS) the device calls, with the user and password it logs in with.
 * AMT takes at most 16 characters for each, the user name letters and digits only.
 */
public record MpServer(String address, int port, String user, String password, String commonName) {
    public static final int MAX_CREDENTIAL_LENGTH = 16;

    public MpServer {
        if (user.isEmpty() || user.length() > MAX_CREDENTIAL_LENGTH || !user.chars().allMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("AMT takes an MPS user name of 1 to 16 letters and digits");
        }
        if (password.isEmpty() || password.length() > MAX_CREDENTIAL_LENGTH) {
            throw new IllegalArgumentException("AMT takes an MPS password of 1 to 16 characters");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** AMT's InfoFormat: 3 an IPv4 address, 4 an IPv6 address, 201 a host name. */
    int infoFormat() {
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return 3;
        }
        return address.contains(":") ? 4 : 201;
    }

    @Override
    public String toString() {
        return "MpServer[" + address + ":" + port + ", user " + user + "]";
    }
}
