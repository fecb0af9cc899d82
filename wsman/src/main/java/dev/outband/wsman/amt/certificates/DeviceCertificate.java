package dev.outband.wsman.amt.certificates;

import java.security.cert.X509Certificate;

/** One certificate in the device's store (AMT_PublicKeyCertificate) and whether it is a trusted root. */
public record DeviceCertificate(String instanceId, X509Certificate certificate, boolean trustedRoot) {
}
