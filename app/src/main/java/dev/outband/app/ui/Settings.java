package dev.outband.app.ui;

import dev.outband.app.fleet.FleetSettings;
import dev.outband.cira.listener.ListenerSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/** Console preferences kept in {@code settings.properties} in the data folder. */
public final class Settings {
    private static final String FILE = "settings.properties";
    private static final double DEFAULT_DIVIDER = 0.5;

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

    /** Where the divider between the device table and the details pane sits, 0 to 1. */
    public synchronized double detailsDivider() {
        try {
            double at = Double.parseDouble(values.getProperty("details.divider", ""));
            return at > 0.15 && at < 0.9 ? at : DEFAULT_DIVIDER;
        } catch (NumberFormatException e) {
            return DEFAULT_DIVIDER;
        }
    }

    public synchronized void setDetailsDivider(double position) {
        values.setProperty("details.divider", String.format(Locale.ROOT, "%.3f", position));
    }

    /** The lab listener's port; AMT's usual 4433 until the user picks another. */
    public synchronized int ciraPort() {
        try {
            return Integer.parseInt(values.getProperty("cira.port", Integer.toString(ListenerSettings.DEFAULT_PORT)));
        } catch (NumberFormatException e) {
            return ListenerSettings.DEFAULT_PORT;
        }
    }

    /** The lab-wide CIRA user (the password is sealed in the store, never here). */
    public synchronized String ciraUser() {
        return values.getProperty("cira.user", "");
    }

    public synchronized void setCira(int port, String user) {
        values.setProperty("cira.port", Integer.toString(port));
        values.setProperty("cira.user", user);
    }

    /** Whether TLS 1.0/1.1 with RSA key exchange is allowed for AMT 11 and older; applied when Outband starts. */
    public synchronized boolean legacyTls() {
        return Boolean.parseBoolean(values.getProperty("legacyTls", "false"));
    }

    public synchronized void setLegacyTls(boolean allowed) {
        values.setProperty("legacyTls", Boolean.toString(allowed));
    }

    /** How the console polls its fleet; the period is chosen under Options, the concurrency only in this file. */
    public synchronized FleetSettings fleet() {
        FleetSettings defaults = FleetSettings.defaults();
        try {
            long seconds = Long.parseLong(values.getProperty("fleet.period.seconds",
                    Long.toString(defaults.period().toSeconds())));
            int concurrency = Integer.parseInt(values.getProperty("fleet.concurrency",
                    Integer.toString(defaults.concurrency())));
            Duration period = Duration.ofSeconds(seconds);
            return new FleetSettings(period, concurrency,
                    period.compareTo(defaults.backoffCap()) > 0 ? period : defaults.backoffCap(),
                    defaults.seenWriteInterval());
        } catch (IllegalArgumentException e) {
            return defaults;
        }
    }

    public synchronized void setFleetPeriod(Duration period) {
        values.setProperty("fleet.period.seconds", Long.toString(period.toSeconds()));
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
