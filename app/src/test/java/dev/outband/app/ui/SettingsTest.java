package dev.outband.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path folder;

    @Test
    void theThemeChoiceSurvivesARestart() throws Exception {
        assertThat(Settings.load(folder).theme()).isEqualTo(Theme.LIGHT);
        Settings settings = Settings.load(folder);
        settings.setTheme(Theme.DARK);
        settings.save();
        assertThat(Settings.load(folder).theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void anUnreadableSettingsFileFallsBackToDefaults() throws Exception {
        Files.write(folder.resolve("settings.properties"), new byte[] {'t', 'h', 'e', 'm', 'e', '=', '\\', 'u', 'Z', 'Z'});
        assertThat(Settings.load(folder).theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void theDetailsDividerSurvivesARestartAndNonsenseFallsBackToTheDefault() throws Exception {
        double fallback = Settings.load(folder).detailsDivider();
        Settings settings = Settings.load(folder);
        settings.setDetailsDivider(0.7);
        settings.save();
        assertThat(Settings.load(folder).detailsDivider()).isEqualTo(0.7);

        Files.writeString(folder.resolve("settings.properties"), "details.divider=0.99\n");
        assertThat(Settings.load(folder).detailsDivider()).isEqualTo(fallback);
    }
}
