package dev.outband.kvm.fx;

import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.Keystrokes;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;

/**
 * Special keys (Esc and Ctrl+Alt+Del at hand, also in full screen), paste as keystrokes, screenshot, view-only,
 * scaling, pixel format, full screen, disconnect, and the application's own actions when it passes any.
 */
public final class KvmToolbar extends ToolBar {
    /** What the Colours box offers, deepest first; a server is offered none deeper than its own format. */
    static final List<PixelFormat> FORMATS = List.of(PixelFormat.RGB888, PixelFormat.RGB565, PixelFormat.RGB332,
            PixelFormat.GREY8, PixelFormat.GREY4);

    public KvmToolbar(KvmView view, KvmWindow window) {
        RfbSession session = view.session();
        Button esc = new Button("Esc");
        esc.setId("kvmEsc");
        esc.setTooltip(new Tooltip("Send Esc to the device (the Esc key does the same, also in full screen)"));
        esc.setOnAction(e -> view.send(() -> Keystrokes.chord(session, Keystrokes.ESCAPE)));
        Button cad = new Button("Ctrl+Alt+Del");
        cad.setId("kvmCtrlAltDel");
        cad.setOnAction(e -> view.sendCtrlAltDel());

        MenuButton special = new MenuButton("Keys");
        special.setId("kvmKeys");
        special.getItems().addAll(
                item("Alt+Tab", () -> view.send(() -> Keystrokes.chord(session, Keystrokes.ALT, Keystrokes.TAB))),
                item("Alt+F4", () -> view.send(() -> Keystrokes.chord(session, Keystrokes.ALT, Keystrokes.F4))),
                item("Ctrl+Esc", () -> view.send(() -> Keystrokes.chord(session, Keystrokes.CONTROL,
                        Keystrokes.ESCAPE))),
                item("Windows key", () -> view.send(() -> Keystrokes.chord(session, Keystrokes.SUPER))),
                item("Print Screen", () -> view.send(() -> Keystrokes.chord(session, Keystrokes.PRINT))));

        Button paste = new Button("Paste");
        paste.setTooltip(new Tooltip("Type the clipboard's text on the device"));
        paste.setOnAction(e -> {
            String text = Clipboard.getSystemClipboard().getString();
            if (text != null) {
                view.send(() -> Keystrokes.type(session, text));
            }
        });

        Button screenshot = new Button("Screenshot");
        screenshot.setId("kvmScreenshot");
        screenshot.setOnAction(e -> window.chooseScreenshotFile());

        ToggleButton viewOnly = new ToggleButton("View only");
        viewOnly.setSelected(session.isViewOnly());
        viewOnly.selectedProperty().addListener((o, was, now) -> session.setViewOnly(now));

        ToggleButton fit = new ToggleButton("Fit");
        fit.selectedProperty().bindBidirectional(view.fitProperty());

        Button full = new Button("Full screen");
        full.setId("kvmFullScreen");
        full.setTooltip(new Tooltip("F11 switches full screen on and off; Esc goes to the device"));
        full.setOnAction(e -> window.toggleFullScreen());

        Button disconnect = new Button("Disconnect");
        disconnect.setId("kvmDisconnect");
        disconnect.setOnAction(e -> window.disconnect());

        getItems().addAll(esc, cad, special);
        if (!window.actions().isEmpty()) {
            MenuButton menu = new MenuButton(window.actionsCaption());
            menu.setId("kvmActions");
            window.actions().forEach(a -> menu.getItems().add(item(a.label(), a.run())));
            getItems().add(menu);
        }
        getItems().addAll(new Separator(), paste, screenshot, viewOnly, fit, colours(view), full, new Separator(),
                disconnect);
    }

    /** The Colours box: shows the format in use and offers what the server can send. */
    private static ComboBox<PixelFormat> colours(KvmView view) {
        RfbSession session = view.session();
        ComboBox<PixelFormat> format = new ComboBox<>();
        format.setId("kvmColours");
        format.setTooltip(new Tooltip("Colours: fewer bits per pixel need less bandwidth"));
        format.getItems().setAll(offered(session));
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PixelFormat f) {
                return f == null ? "" : f.label();
            }

            @Override
            public PixelFormat fromString(String s) {
                return null;
            }
        });
        format.setValue(session.pixelFormat());
        format.setOnAction(e -> {
            PixelFormat f = format.getValue();
            if (f != null && !f.equals(session.pixelFormat())) {
                view.send(() -> session.setPixelFormat(f));
            }
        });
        return format;
    }

    /**
     * Formats no deeper than the server's own, which is all a server gains from: AMT's is 16 bits and it hangs up
     * on a viewer asking for 32. The format in use is always listed.
     */
    static List<PixelFormat> offered(RfbSession session) {
        int deepest = session.serverInit().format().bitsPerPixel();
        List<PixelFormat> offered = new ArrayList<>(FORMATS.stream().filter(f -> f.bitsPerPixel() <= deepest).toList());
        PixelFormat inUse = session.pixelFormat();
        if (inUse != null && !offered.contains(inUse)) {
            offered.addFirst(inUse);
        }
        return offered;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }
}
