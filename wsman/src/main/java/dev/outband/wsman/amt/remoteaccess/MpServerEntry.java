package dev.outband.wsman.amt.remoteaccess;

/** An MPS the device already knows (AMT_ManagementPresenceRemoteSAP); AMT never reports the password. */
public record MpServerEntry(String name, String address, int port, String commonName) {
}
