package dev.outband.wsman.amt.certificates;

import java.security.PublicKey;

/** A key pair the device holds (AMT_PublicPrivateKeyPair); its private half never leaves the device. */
public record DeviceKeyPair(String instanceId, PublicKey publicKey) {
}
