package dev.outband.kvm.session;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.Rect;
import dev.outband.kvm.rfb.RfbListener;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.SessionState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until a session has painted every pixel of the screen at least once and returns one copy of it.
 * Coverage is the area actually painted: a rectangle sent four times covers its area once.
 */
public final class FrameGrabber {
    private FrameGrabber() {}

    /**
     * Starts the session if needed and waits for a full screen. Some servers (Xvnc) answer the first
     * request with pseudo-rectangles only, so an incomplete update triggers another full request.
     */
    public static Framebuffer grab(RfbSession session, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<Framebuffer> done = new CompletableFuture<>();
        Framebuffer live = session.framebuffer();
        AtomicReference<Coverage> coverage = new AtomicReference<>(new Coverage(live.width(), live.height()));
        // ask again only once: some servers answer every request with pseudo-rectangles (cursor)
        boolean[] asked = {false};
        RfbListener listener = new RfbListener() {
            @Override
            public void updated(Rect painted, List<Rect> rects) {
                Coverage c = coverage.get();
                rects.forEach(c::add);
                if (c.complete()) {
                    done.complete(session.framebuffer().snapshot());
                } else if (rects.isEmpty() && !asked[0]) {
                    asked[0] = true;
                    try {
                        session.requestFullUpdate();
                    } catch (IOException e) {
                        done.completeExceptionally(e);
                    }
                }
            }

            @Override
            public void resized(int width, int height) {
                coverage.set(new Coverage(width, height));
            }

            @Override
            public void stateChanged(SessionState state, String reason) {
                done.completeExceptionally(new IOException("session ended before a full screen arrived: " + reason));
            }
        };
        session.addListener(listener);
        try {
            session.start();
            if (session.state().isOver()) {
                throw new IOException("session ended: " + session.reason());
            }
            return done.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no full screen within " + Math.max(0, timeout.toSeconds()) + " s ("
                    + coverage.get().percent() + " % of it painted)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            session.removeListener(listener);
        }
    }
}
