package dev.outband.cira.ca;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * BouncyCastle's provider, passed explicitly so the JVM's provider list stays untouched (the JDK lacks
 * PKCS#7-padded AES), and made on first use: it loads hundreds of classes from a signed jar, which a
 * console start need not pay.
 */
final class Bc {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
