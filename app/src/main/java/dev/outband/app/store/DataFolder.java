package dev.outband.app.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Outband keeps its database, key and settings; {@code OUTBAND_HOME} wins over the OS default. */
public final class DataFolder {
    /** The store, its keys, sealed secrets, settings and the lab CA. */
    private static final String OWN_FILES =
            "glob:{outband*,store.*,master.*,*.sealed,cira-*,settings.properties,lab-ca,lab-ca/*}";

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

    /**
     * Creates the folder on first use; the folder and everything in it are made private to the user each
     * time, so that a folder an older version left at 0755 (or a key file at 0644) is tightened.
     */
    public static Path ensureExists(Path folder) throws IOException {
        Files.createDirectories(folder);
        restrict(folder);
        return folder;
    }

    /** Makes the folder and Outband's own files in it owner-only (OUTBAND_HOME may name a shared folder). */
    static void restrict(Path folder) throws IOException {
        PrivateFiles.restrictTree(folder, FileSystems.getDefault().getPathMatcher(OWN_FILES));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
