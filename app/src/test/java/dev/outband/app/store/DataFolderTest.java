package dev.outband.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {
    @Test
    void outbandHomeOverridesTheOsDefault() {
        assertThat(DataFolder.resolve(Map.of("OUTBAND_HOME", "/tmp/ob"), "Linux", "/home/u")).isEqualTo(Path.of("/tmp/ob"));
    }

    @Test
    void linuxUsesXdgDataHomeThenLocalShare() {
        assertThat(DataFolder.resolve(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u")).isEqualTo(Path.of("/x/outband"));
        assertThat(DataFolder.resolve(Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/outband"));
    }

    @Test
    void macAndWindowsUseTheirApplicationFolders() {
        assertThat(DataFolder.resolve(Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/Outband"));
        assertThat(DataFolder.resolve(Map.of("APPDATA", "/appdata"), "Windows 11", "/u")).isEqualTo(Path.of("/appdata/Outband"));
    }
}
