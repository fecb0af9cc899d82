package dev.outband.kvm.fx.terminal;

import dev.outband.kvm.fx.KvmAction;
import dev.outband.kvm.sol.SolSession;
import dev.outband.kvm.terminal.KeyEncoder;
import dev.outband.kvm.terminal.SessionLog;
import dev.outband.kvm.terminal.Terminal;
import dev.outband.kvm.terminal.TerminalSettings;
import dev.outband.kvm.terminal.TextEncoding;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The console's serial terminal for one device's Serial-over-LAN session: toolbar (size, character set, function
 * keys, copy, paste, log to file, the device's actions, disconnect/reconnect), the terminal, a status line.
 * The session is read on a virtual thread and written on another, never on the FX thread; closing the window
 * ends the session.
 */
public final class TerminalWindow {
    /** Screen sizes offered: AMT's 80×25, the VT220's 80×24, and larger ones for Linux consoles. */
    public static final List<int[]> SIZES = List.of(new int[] {80, 25}, new int[] {80, 24}, new int[] {80, 43},
            new int[] {100, 37}, new int[] {132, 25}, new int[] {132, 43});
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();
    private final Terminal terminal;
    private final TerminalView view;
    private final Label status = new Label();
    private final Callable<SolSession> reconnect;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sol-writer")
            .factory());
    private final Button connection = new Button("Disconnect");
    private final ToggleButton logButton = new ToggleButton("Log to file…");
    private final MenuButton actionsMenu = new MenuButton();
    private volatile SolSession session;
    private volatile SessionLog log;

    public TerminalWindow(SolSession session, String title, Callable<SolSession> reconnect) {
        this.reconnect = reconnect;
        this.terminal = new Terminal(TerminalSettings.defaults(), this::send);
        this.view = new TerminalView(terminal, this::send);
        stage.setTitle(title);
        // Lets the console and tests find the window object from its stage.
        stage.getProperties().put(TerminalWindow.class, this);
        // Centred on black when the window is wider than the terminal (the toolbar sets its least width).
        StackPane centred = new StackPane(view);
        centred.setStyle("-fx-background-color: black;");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setStyle("-fx-background: black; -fx-background-color: black;");
        scroll.setId("terminalScroll");
        root.setCenter(scroll);
        root.setTop(toolbar());
        status.setId("terminalStatus");
        root.setBottom(status);
        root.getStyleClass().add("terminal-window");
        stage.setScene(new Scene(root));
        stage.setOnHidden(e -> {
            view.dispose();
            stopLog();
            SolSession s = this.session;
            writer.execute(() -> closeQuietly(s));
            writer.shutdown();
        });
        attach(session);
    }

    public Stage stage() {
        return stage;
    }

    public Terminal terminal() {
        return terminal;
    }

    public TerminalView view() {
        return view;
    }

    public void show() {
        stage.sizeToScene();
        stage.show();
        view.requestFocus();
    }

    /** The device's actions (the console passes its power actions) under one toolbar menu. */
    public void setActions(String caption, List<KvmAction> actions) {
        actionsMenu.setText(caption);
        actionsMenu.getItems().setAll(actions.stream().map(a -> {
            MenuItem item = new MenuItem(a.label());
            item.setOnAction(e -> a.run().run());
            return item;
        }).toList());
        actionsMenu.setVisible(!actions.isEmpty());
    }

    /** A line in the status bar. */
    public void say(String message) {
        status.setText(message);
    }

    private ToolBar toolbar() {
        ChoiceBox<int[]> size = new ChoiceBox<>();
        size.setId("terminalSize");
        size.getItems().setAll(SIZES);
        size.setConverter(new Converter<>(s -> s[0] + "×" + s[1]));
        size.setValue(SIZES.getFirst());
        size.setOnAction(e -> {
            terminal.resize(size.getValue()[0], size.getValue()[1]);
            stage.sizeToScene();
        });
        ChoiceBox<TextEncoding> encoding = new ChoiceBox<>();
        encoding.getItems().setAll(TextEncoding.values());
        encoding.setConverter(new Converter<>(e -> e == TextEncoding.CP437 ? "BIOS (CP437)" : "UTF-8"));
        encoding.setValue(TextEncoding.CP437);
        encoding.setOnAction(e -> terminal.encoding(encoding.getValue()));
        ChoiceBox<KeyEncoder.FunctionKeys> fkeys = new ChoiceBox<>();
        fkeys.getItems().setAll(KeyEncoder.FunctionKeys.values());
        fkeys.setConverter(new Converter<>(k -> k == KeyEncoder.FunctionKeys.VT220 ? "F-keys VT220" : "F-keys VT100+"));
        fkeys.setValue(KeyEncoder.FunctionKeys.VT220);
        fkeys.setOnAction(e -> view.setFunctionKeys(fkeys.getValue()));
        Button copy = new Button("Copy");
        copy.setOnAction(e -> {
            view.copy();
            view.requestFocus();
        });
        Button paste = new Button("Paste");
        paste.setOnAction(e -> {
            view.paste();
            view.requestFocus();
        });
        logButton.setId("terminalLog");
        logButton.setOnAction(e -> {
            if (logButton.isSelected()) {
                chooseLog();
            } else {
                stopLog();
                say("Logging stopped");
            }
            view.requestFocus();
        });
        actionsMenu.setVisible(false);
        actionsMenu.setId("terminalActions");
        connection.setId("terminalConnection");
        connection.setOnAction(e -> {
            if (connection.getText().equals("Disconnect")) {
                SolSession s = session;
                writer.execute(() -> closeQuietly(s));
            } else {
                reconnect();
            }
        });
        return new ToolBar(size, encoding, fkeys, new Separator(), copy, paste, logButton, new Separator(),
                actionsMenu, connection);
    }

    private void attach(SolSession fresh) {
        session = fresh;
        connection.setText("Disconnect");
        say("Connected — Ctrl+Shift+C copies, Ctrl+Shift+V pastes, Shift+PgUp scrolls back");
        Thread.ofVirtual().name("sol-reader").start(() -> read(fresh));
    }

    /** Feeds the terminal (and the log) until the session ends, then says why. */
    private void read(SolSession s) {
        String ended;
        try {
            InputStream in = s.serialInput();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                terminal.feed(buf, 0, n);
                SessionLog l = log;
                if (l != null) {
                    l.write(buf, 0, n);
                }
            }
            ended = "Session ended";
        } catch (IOException e) {
            ended = "Session ended: " + e.getMessage();
        }
        closeQuietly(s);
        String said = ended;
        Platform.runLater(() -> {
            if (session == s) {
                connection.setText("Reconnect");
                say(said);
            }
        });
    }

    private void send(byte[] bytes) {
        SolSession s = session;
        try {
            writer.execute(() -> {
                try {
                    s.send(bytes);
                } catch (IOException e) {
                    Platform.runLater(() -> say("Not sent: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException closed) {
            // The window is closing: the session goes with it.
        }
    }

    private void reconnect() {
        connection.setDisable(true);
        say("Reconnecting…");
        Thread.ofVirtual().name("sol-reconnect").start(() -> {
            try {
                SolSession fresh = reconnect.call();
                Platform.runLater(() -> {
                    connection.setDisable(false);
                    attach(fresh);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    connection.setDisable(false);
                    say("Reconnect failed: " + e.getMessage());
                });
            }
        });
    }

    private void chooseLog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Log the serial session to");
        chooser.setInitialFileName(stage.getTitle().replaceAll("[^A-Za-z0-9._-]+", "-") + "-"
                + LocalDateTime.now().format(LOG_TIME) + ".log");
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            logButton.setSelected(false);
            return;
        }
        startLog(file.toPath());
    }

    /** Appends everything the device sends from now on to {@code file} (owner-only), opened off the FX thread. */
    public void startLog(Path file) {
        Path target = file.toAbsolutePath();
        logButton.setSelected(true);
        Thread.ofVirtual().name("sol-log").start(() -> {
            try {
                SessionLog opened = SessionLog.open(target);
                log = opened;
                Platform.runLater(() -> say("Logging to " + target));
            } catch (IOException e) {
                Platform.runLater(() -> {
                    logButton.setSelected(false);
                    say("Cannot log to " + target + ": " + e.getMessage());
                });
            }
        });
    }

    private void stopLog() {
        SessionLog l = log;
        log = null;
        if (l != null) {
            Thread.ofVirtual().name("sol-log-close").start(() -> closeQuietly(l));
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Ending anyway: nothing more to tell the technician than the status line says.
        }
    }

    /** A choice's words. */
    private static final class Converter<T> extends StringConverter<T> {
        private final java.util.function.Function<T, String> words;

        Converter(java.util.function.Function<T, String> words) {
            this.words = words;
        }

        @Override
        public String toString(T value) {
            return value == null ? "" : words.apply(value);
        }

        @Override
        public T fromString(String s) {
            throw new UnsupportedOperationException("choices are not typed");
        }
    }
}
