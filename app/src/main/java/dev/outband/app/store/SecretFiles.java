package dev.outband.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets that belong to no device (the CIRA password, the listener's private key), each sealed
 * with the store key in its own owner-only file {@code <name>.sealed} in the data folder.
 */
public final class SecretFiles {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    private final Path folder;
    private final SecretBox box;

    SecretFiles(Path folder, SecretBox box) {
        this.folder = folder;
        this.box = box;
    }

    public void save(String name, String clearText) throws IOException {
        PrivateFiles.write(file(name), box.seal(clearText).sealedBytes());
    }

    /** The sealed secret, opened only on {@link Secret#reveal()}; empty when none was saved. */
    public Optional<Secret> load(String name) throws IOException {
        Path file = file(name);
        return Files.exists(file) ? Optional.of(box.wrap(Files.readAllBytes(file))) : Optional.empty();
    }

    public boolean exists(String name) {
        return Files.exists(file(name));
    }

    private Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("secret name " + name);
        }
        return folder.resolve(name + ".sealed");
    }
}
