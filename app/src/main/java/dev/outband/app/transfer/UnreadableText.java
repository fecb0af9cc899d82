package dev.outband.app.transfer;

import java.io.IOException;

/** A file given as a device list is no text this side reads: binary data, or larger than allowed. */
final class UnreadableText extends IOException {
    UnreadableText(String message) {
        super(message);
    }
}
