package dev.outband.kvm.session;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.Rect;
import dev.outband.kvm.rfb.RfbListener;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.SessionState;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits until a session has painted the whole screen once and returns a copy of it. */
public final class FrameGrabber {
    private FrameGrabber() {}

    /**
     * Starts the session if needed and waits for a full screen. Some servers (Xvnc) answer the first
     * request with pseudo-rectangles only, so an incomplete update triggers another full request.
     */
    public static Framebuffer grab(RfbSession session, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<Framebuffer> done = new CompletableFuture<>();
        long[] covered = {0};
        // ask again only once: some servers answer every request with pseudo-rectangles (cursor)
        boolean[] asked = {false};
        RfbListener listener = new RfbListener() {
            @Override
            public void updated(Rect painted, long area) {
                Framebuffer fb = session.framebuffer();
                covered[0] += area;
                if (covered[0] >= (long) fb.width() * fb.height()) {
                    done.complete(fb.snapshot());
                } else if (area == 0 && !asked[0]) {
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
                covered[0] = 0;
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
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no full screen within " + timeout.toSeconds() + " s", e);
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
