package dev.outband.wsman.tls;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Fingerprints and host-name matching for device certificates. */
public final class Certificates {
    private Certificates() {
    }

    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint as MEBx and browsers show it, for technicians to compare: AB:CD:… in upper case. */
    public static String grouped(String hex) {
        return String.join(":", hex.toUpperCase(Locale.ROOT).split("(?<=\\G..)"));
    }

    /** True when a SAN (DNS or IP) or, lacking SANs, the CN names {@code host}. */
    public static boolean matchesHost(X509Certificate cert, String host) {
        String wanted = host.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    int type = (Integer) san.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(san.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names.isEmpty()) {
            names.add(commonName(cert).toLowerCase(Locale.ROOT));
        }
        for (String name : names) {
            if (name.equals(wanted) || sameAddress(name, wanted) || wildcard(name, wanted)) {
                return true;
            }
        }
        return false;
    }

    public static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return "";
        }
        return "";
    }

    private static boolean wildcard(String pattern, String host) {
        return pattern.startsWith("*.") && host.endsWith(pattern.substring(1))
                && host.indexOf('.') == host.length() - pattern.length() + 1;
    }

    private static boolean sameAddress(String a, String b) {
        if (!looksLikeAddress(a) || !looksLikeAddress(b)) {
            return false;
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean looksLikeAddress(String s) {
        return s.contains(":") || s.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
