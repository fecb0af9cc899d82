package dev.outband.app.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/** Console preferences kept in {@code settings.properties} in the data folder. */
public final class Settings {
    private static final String FILE = "settings.properties";

    private final Path file;
    private final Properties values;

    private Settings(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** Loads the settings; a missing or unreadable file means defaults. */
    public static Settings load(Path folder) {
        Path file = folder.resolve(FILE);
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file must not keep the console from starting. The logger is looked up
                // here so that logging starts only when there is something to log.
                LoggerFactory.getLogger(Settings.class).warn("Ignoring unreadable {}: {}", file, e.getMessage());
            }
        }
        return new Settings(file, values);
    }

    public synchronized Theme theme() {
        return "dark".equals(values.getProperty("theme")) ? Theme.DARK : Theme.LIGHT;
    }

    public synchronized void setTheme(Theme theme) {
        values.setProperty("theme", theme == Theme.DARK ? "dark" : "light");
    }

    /** Writes the file; call off the FX thread. */
    public synchronized Settings save() throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(w, "Outband console settings");
        }
        return this;
    }
}
