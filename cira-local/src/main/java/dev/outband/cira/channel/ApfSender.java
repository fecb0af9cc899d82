package dev.outband.cira.channel;

import dev.outband.cira.apf.ApfMessage;
import java.io.IOException;

/** Writes one message to the session; implementations serialize writers with the session's lock. */
@FunctionalInterface
public interface ApfSender {
    void send(ApfMessage message) throws IOException;
}
