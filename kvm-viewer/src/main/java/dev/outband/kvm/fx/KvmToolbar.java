package dev.outband.kvm.fx;

import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.session.Keystrokes;
import dev.outband.kvm.session.PngWriter;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Clipboard;
import javafx.stage.FileChooser;

/** Special keys, paste as keystrokes, screenshot, view-only, scaling, pixel format and full screen. */
public final class KvmToolbar extends ToolBar {

    public KvmToolbar(KvmView view, Runnable toggleFullScreen, Consumer<String> onError) {
        MenuButton special = new MenuButton("Special keys");
        special.getItems().addAll(
                item("Ctrl+Alt+Del", () -> view.sendCtrlAltDel()),
                item("Alt+Tab", () -> view.send(() -> Keystrokes.chord(view.session(), Keystrokes.ALT, Keystrokes.TAB))),
                item("Alt+F4", () -> view.send(() -> Keystrokes.chord(view.session(), Keystrokes.ALT, Keystrokes.F4))),
                item("Ctrl+Esc", () -> view.send(() -> Keystrokes.chord(view.session(), Keystrokes.CONTROL,
                        Keystrokes.ESCAPE))),
                item("Windows key", () -> view.send(() -> Keystrokes.chord(view.session(), Keystrokes.SUPER))),
                item("Print Screen", () -> view.send(() -> Keystrokes.chord(view.session(), Keystrokes.PRINT))));

        Button paste = new Button("Paste as keys");
        paste.setOnAction(e -> {
            String text = Clipboard.getSystemClipboard().getString();
            if (text != null) {
                view.send(() -> Keystrokes.type(view.session(), text));
            }
        });

        Button screenshot = new Button("Screenshot");
        screenshot.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("screen.png");
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                var frame = view.session().framebuffer().snapshot();
                Thread.ofVirtual().start(() -> {
                    try {
                        PngWriter.write(frame, file.toPath());
                    } catch (IOException ex) {
                        javafx.application.Platform.runLater(() -> onError.accept("Screenshot failed: " + ex.getMessage()));
                    }
                });
            }
        });

        ToggleButton viewOnly = new ToggleButton("View only");
        viewOnly.selectedProperty().addListener((o, was, now) -> view.session().setViewOnly(now));

        ToggleButton fit = new ToggleButton("Fit");
        fit.selectedProperty().bindBidirectional(view.fitProperty());

        ComboBox<PixelFormat> format = new ComboBox<>();
        format.getItems().addAll(List.of(PixelFormat.RGB888, PixelFormat.RGB565, PixelFormat.RGB332,
                PixelFormat.GREY8, PixelFormat.GREY4));
        format.setPromptText("Colours");
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PixelFormat f) {
                return f == null ? "" : label(f);
            }

            @Override
            public PixelFormat fromString(String s) {
                return null;
            }
        });
        format.setOnAction(e -> {
            PixelFormat f = format.getValue();
            if (f != null) {
                view.send(() -> view.session().setPixelFormat(f));
            }
        });

        Button full = new Button("Full screen");
        full.setOnAction(e -> toggleFullScreen.run());

        getItems().addAll(special, paste, screenshot, viewOnly, fit, format, full);
    }

    static String label(PixelFormat f) {
        if (f.isGrey()) {
            return "Grey " + f.depth() + "-bit";
        }
        if (f.equals(PixelFormat.RGB565)) {
            return "16-bit RGB565";
        }
        if (f.equals(PixelFormat.RGB332)) {
            return "8-bit RGB332";
        }
        return f.bitsPerPixel() + "-bit colour";
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }
}
