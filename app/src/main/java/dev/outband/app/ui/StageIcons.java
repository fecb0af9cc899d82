package dev.outband.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The window icons, when the icon set is on the class path; none otherwise. */
public final class StageIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private StageIcons() {
    }

    public static List<Image> load() {
        List<Image> icons = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = StageIcons.class.getResourceAsStream("/dev/outband/app/icons/outband-" + size + ".png")) {
                if (in != null) {
                    icons.add(new Image(in));
                }
            } catch (IOException e) {
                // A broken icon only costs the icon.
            }
        }
        return icons;
    }
}
