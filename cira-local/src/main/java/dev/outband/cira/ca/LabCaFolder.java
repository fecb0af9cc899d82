package dev.outband.cira.ca;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a lab CA keeps its root: the certificate and its encrypted key side by side. Apart from
 * {@link LabCertificateAuthority} so that asking whether a CA exists loads no BouncyCastle class (the
 * console asks while it starts).
 */
public final class LabCaFolder {
    public static final String ROOT_CERTIFICATE_FILE = "lab-root.crt";
    public static final String ROOT_KEY_FILE = "lab-root.key";

    private LabCaFolder() {
    }

    public static boolean holdsCa(Path folder) {
        return Files.isRegularFile(folder.resolve(ROOT_CERTIFICATE_FILE)) && Files.isRegularFile(folder.resolve(ROOT_KEY_FILE));
    }
}
