package dev.outband.kvm.fx;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.Rect;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.Keystrokes;
import java.io.IOException;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.outband.kvm.rfb.RfbListener;
import dev.outband.kvm.rfb.decode.CursorImage;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.ImageCursor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a session's framebuffer. The image shares the framebuffer's int[] through a PixelBuffer;
 * once per pulse the union of dirty rectangles is handed to {@code updateBuffer}. Keyboard and mouse
 * go to the session from a single sender thread, never from the FX thread.
 */
public final class KvmView extends Region {
    private static final Logger log = LoggerFactory.getLogger(KvmView.class);

    private final RfbSession session;
    private final ImageView imageView = new ImageView();
    private final BooleanProperty fit = new SimpleBooleanProperty(this, "fit", true);
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("kvm-input").factory());
    private final Map<KeyCode, Long> pressed = new HashMap<>();
    private final AnimationTimer pulse;
    private final RfbListener cursorListener = new RfbListener() {
        @Override
        public void cursorChanged(CursorImage c) {
            Platform.runLater(() -> showCursor(c));
        }
    };
    private PixelBuffer<IntBuffer> buffer;
    private int[] shownPixels;
    private int buttons;
    /** The physical key whose KEY_TYPED is expected next; its release releases the typed keysym. */
    private KeyCode textKey;

    public KvmView(RfbSession session) {
        this.session = session;
        getStyleClass().add("kvm-view");
        setStyle("-fx-background-color: black;");
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        getChildren().add(imageView);
        setFocusTraversable(true);
        fit.addListener((o, was, now) -> requestLayout());
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                refresh();
            }
        };
        pulse.start();
        addEventHandler(MouseEvent.ANY, this::onMouse);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        addEventHandler(KeyEvent.KEY_TYPED, this::onKeyTyped);
        addEventHandler(KeyEvent.KEY_RELEASED, this::onKeyReleased);
        session.addListener(cursorListener);
        refresh();
    }

    /** The server's pointer shape becomes the local cursor over the view (Cursor pseudo-encoding). */
    private void showCursor(CursorImage c) {
        if (c.width() == 0 || c.height() == 0) {
            setCursor(Cursor.NONE);
            return;
        }
        WritableImage img = new WritableImage(c.width(), c.height());
        img.getPixelWriter().setPixels(0, 0, c.width(), c.height(), PixelFormat.getIntArgbInstance(), c.argb(), 0,
                c.width());
        setCursor(new ImageCursor(img, c.hotX(), c.hotY()));
    }

    public RfbSession session() {
        return session;
    }

    /** True: scale to the available space keeping the aspect ratio; false: one device pixel per screen pixel. */
    public BooleanProperty fitProperty() {
        return fit;
    }

    /** The image on screen (tests read its pixels). */
    public WritableImage image() {
        return (WritableImage) imageView.getImage();
    }

    /** Copies what changed since the last pulse into the image: one updateBuffer with the dirty union. */
    void refresh() {
        Framebuffer fb = session.framebuffer();
        int[] pixels = fb.pixels();
        if (pixels != shownPixels) {
            shownPixels = pixels;
            buffer = new PixelBuffer<>(fb.width(), fb.height(), IntBuffer.wrap(pixels),
                    PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(buffer));
            fb.takeDirty();
            requestLayout();
            return;
        }
        Rect dirty = fb.takeDirty();
        if (dirty != null) {
            Rect clipped = clip(dirty, fb.width(), fb.height());
            buffer.updateBuffer(b -> new Rectangle2D(clipped.x(), clipped.y(), clipped.width(), clipped.height()));
        }
    }

    private static Rect clip(Rect r, int w, int h) {
        int x0 = Math.max(0, r.x());
        int y0 = Math.max(0, r.y());
        return new Rect(x0, y0, Math.min(w, r.x() + r.width()) - x0, Math.min(h, r.y() + r.height()) - y0);
    }

    @Override
    protected void layoutChildren() {
        double fbW = session.framebuffer().width();
        double fbH = session.framebuffer().height();
        if (fit.get()) {
            imageView.setFitWidth(getWidth());
            imageView.setFitHeight(getHeight());
        } else {
            imageView.setFitWidth(fbW);
            imageView.setFitHeight(fbH);
        }
        double scale = scale();
        double x = Math.max(0, (getWidth() - fbW * scale) / 2);
        double y = Math.max(0, (getHeight() - fbH * scale) / 2);
        imageView.relocate(x, y);
    }

    @Override
    protected double computePrefWidth(double height) {
        return session.framebuffer().width();
    }

    @Override
    protected double computePrefHeight(double width) {
        return session.framebuffer().height();
    }

    private double scale() {
        if (!fit.get() || getWidth() <= 0 || getHeight() <= 0) {
            return 1;
        }
        return Math.min(getWidth() / session.framebuffer().width(), getHeight() / session.framebuffer().height());
    }

    private void onMouse(MouseEvent e) {
        if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            requestFocus();
            buttons |= bit(e.getButton());
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED) {
            buttons &= ~bit(e.getButton());
        } else if (e.getEventType() != MouseEvent.MOUSE_MOVED && e.getEventType() != MouseEvent.MOUSE_DRAGGED) {
            return;
        }
        sendPointer(buttons, e.getX(), e.getY());
        e.consume();
    }

    private static int bit(MouseButton b) {
        return switch (b) {
            case PRIMARY -> 1;
            case MIDDLE -> 2;
            case SECONDARY -> 4;
            default -> 0;
        };
    }

    /** Wheel: button 4 (up) or 5 (down), pressed and released. */
    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        int wheel = e.getDeltaY() > 0 ? 8 : 16;
        sendPointer(buttons | wheel, e.getX(), e.getY());
        sendPointer(buttons, e.getX(), e.getY());
        e.consume();
    }

    private void sendPointer(int mask, double viewX, double viewY) {
        double s = scale();
        int x = (int) ((viewX - imageView.getLayoutX()) / s);
        int y = (int) ((viewY - imageView.getLayoutY()) / s);
        send(() -> session.sendPointer(mask, x, y));
    }

    private void onKeyPressed(KeyEvent e) {
        long keysym = KeySyms.special(e.getCode());
        if (keysym < 0 && (e.isControlDown() || e.isAltDown())) {
            keysym = KeySyms.shortcutKey(e.getCode());
        }
        if (keysym >= 0) {
            pressed.put(e.getCode(), keysym);
            long k = keysym;
            send(() -> session.sendKey(true, k));
            e.consume();
        } else {
            textKey = e.getCode();
        }
    }

    /** Text keys: the character the layout produced, pressed now and released with the physical key. */
    private void onKeyTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (ch.isEmpty() || ch.equals(KeyEvent.CHAR_UNDEFINED) || Character.isISOControl(ch.charAt(0))
                || e.isControlDown() && !e.isAltDown()) {
            return;
        }
        long keysym = Keystrokes.keysymOf(ch.codePointAt(0));
        send(() -> session.sendKey(true, keysym));
        if (textKey != null) {
            pressed.put(textKey, keysym);
            textKey = null;
        } else {
            send(() -> session.sendKey(false, keysym));
        }
        e.consume();
    }

    private void onKeyReleased(KeyEvent e) {
        Long keysym = pressed.remove(e.getCode());
        if (keysym != null) {
            long k = keysym;
            send(() -> session.sendKey(false, k));
            e.consume();
        }
    }

    /** Sends Ctrl-Alt-Del (the window's special-keys menu calls this). */
    public void sendCtrlAltDel() {
        send(() -> Keystrokes.ctrlAltDel(session));
    }

    /** Sends key combinations or text from the toolbar. */
    void send(IoAction action) {
        sender.execute(() -> {
            try {
                action.run();
            } catch (IOException ex) {
                log.debug("input not sent: {}", ex.getMessage());
            }
        });
    }

    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /** Stops the pulse and the input thread; the session is closed by whoever opened it. */
    public void dispose() {
        pulse.stop();
        session.removeListener(cursorListener);
        sender.shutdown();
    }
}
