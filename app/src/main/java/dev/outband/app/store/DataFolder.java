package dev.outband.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/** Where Outband keeps its database, key and settings; {@code OUTBAND_HOME} wins over the OS default. */
public final class DataFolder {
    private DataFolder() {
    }

    /** Resolves the folder for this process (environment, os.name, user.home). */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        String override = env.get("OUTBAND_HOME");
        if (notBlank(override)) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return notBlank(appData) ? Path.of(appData, "Outband") : Path.of(userHome, "AppData", "Roaming", "Outband");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Outband");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return notBlank(xdg) ? Path.of(xdg, "outband") : Path.of(userHome, ".local", "share", "outband");
    }

    /** Creates the folder on first use, private to the user where the file system allows it. */
    public static Path ensureExists(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: %APPDATA% is already per user.
        }
        return folder;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
