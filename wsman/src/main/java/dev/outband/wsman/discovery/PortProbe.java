package dev.outband.wsman.discovery;

/**
 * What one AMT port said to unauthenticated requests.
 *
 * @param port the port probed
 * @param tls whether it was probed over TLS
 * @param amt the answers named Intel AMT (its Server header, or a 401 with AMT's "Digest:" realm)
 * @param version the firmware version from the Server header ("11.8.50.3425"), or null
 * @param realm the digest realm of the 401 on /wsman, or null
 * @param sha256 the SHA-256 of the TLS certificate presented (lower-case hex), or null
 */
public record PortProbe(int port, boolean tls, boolean amt, String version, String realm, String sha256) {
}
