package dev.outband.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Secrets that belong to no device (the CIRA password, the listener's private key), each sealed
 * with the store key for its own name, in its own owner-only file {@code <name>.sealed} in the data folder.
 */
public final class SecretFiles {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final String SUFFIX = ".sealed";

    private final Path folder;
    private volatile SecretBox box;

    SecretFiles(Path folder, SecretBox box) {
        this.folder = folder;
        this.box = box;
    }

    public void save(String name, String clearText) throws IOException {
        PrivateFiles.write(file(name), box.seal(clearText, place(name)).sealedBytes());
    }

    /** The sealed secret, opened only on {@link Secret#reveal()}; empty when none was saved. */
    public Optional<Secret> load(String name) throws IOException {
        Path file = file(name);
        return Files.exists(file) ? Optional.of(box.wrap(Files.readAllBytes(file), place(name))) : Optional.empty();
    }

    public void delete(String name) throws IOException {
        Files.deleteIfExists(file(name));
    }

    public boolean exists(String name) {
        return Files.exists(file(name));
    }

    void useBox(SecretBox newBox) {
        box = newBox;
    }

    /**
     * Moves every secret file to {@code to}, each in one step: those sealed with {@code from}, of either
     * version, are sealed anew; those already moved (an interrupted run) are left as they are.
     */
    static void reseal(Path folder, SecretBox from, SecretBox to) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String name = file.getFileName().toString();
                String place = place(name.substring(0, name.length() - SUFFIX.length()));
                byte[] sealed = Files.readAllBytes(file);
                try {
                    to.decrypt(sealed, place);
                } catch (GeneralSecurityException notYetMoved) {
                    try {
                        PrivateFiles.write(file, to.encrypt(from.decryptAnyVersion(sealed, place), place));
                    } catch (GeneralSecurityException e) {
                        throw new IOException(file + " cannot be decrypted with the store key", e);
                    }
                }
            }
        }
    }

    private static String place(String name) {
        return "file/" + name;
    }

    private Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("secret name " + name);
        }
        return folder.resolve(name + SUFFIX);
    }
}
