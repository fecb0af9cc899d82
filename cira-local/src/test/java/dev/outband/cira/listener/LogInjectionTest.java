package dev.outband.cira.listener;

import static dev.outband.cira.listener.ApfPeer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.events.CiraEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** What a peer names (user, service) reaches logs and events with its control characters escaped. */
@Timeout(30)
class LogInjectionTest {
    /** An ANSI colour change, then a forged log line. */
    private static final String EVIL = "admin\u001b[31m\n2026-12-06 INFO CIRA device authenticated\r";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final List<CiraEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void captureLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger("dev.outband.cira")).addAppender(logged);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger("dev.outband.cira")).detachAppender(logged);
    }

    @Test
    void aUserNameWithEscapesAndLineBreaksIsShownEscaped() throws Exception {
        CiraCredentialCheck anyUser = (device, user, password) -> Arrays.equals(password, ApfPeer.PASSWORD);
        try (CiraListener listener = CiraListener.start(ApfPeer.settings(), ApfPeer.identity(), anyUser);
             ApfPeer wrong = new ApfPeer(listener);
             ApfPeer right = new ApfPeer(listener)) {
            listener.subscribe(events::add);
            wrong.login(ApfPeer.randomUuid(), EVIL, "nope".getBytes(StandardCharsets.UTF_8));
            right.authenticateAndForward(ApfPeer.randomUuid(), EVIL, ApfPeer.PASSWORD, 16992);
            ApfPeer.within(WAIT, () -> events.stream().anyMatch(e -> e instanceof CiraEvent.Disconnected));
        }

        assertThat(events).filteredOn(e -> e instanceof CiraEvent.Authenticated).singleElement()
                .satisfies(e -> assertThat(((CiraEvent.Authenticated) e).user())
                        .isEqualTo("admin\\u001b[31m\\n2026-12-06 INFO CIRA device authenticated\\r"));
        assertNoControlCharacters();
    }

    @Test
    void aServiceNameWithControlCharactersIsShownEscaped() throws Exception {
        try (CiraListener listener = ApfPeer.start(ApfPeer.settings()); ApfPeer peer = new ApfPeer(listener)) {
            listener.subscribe(events::add);
            peer.send(new ProtocolVersion(1, 0, 1, ApfPeer.randomUuid()));
            peer.send(new ServiceRequest(EVIL));
            assertThat(peer.closedWithin(WAIT)).isTrue();
            ApfPeer.within(Duration.ofSeconds(2), () -> events.stream().anyMatch(e -> e instanceof CiraEvent.Disconnected));
        }

        assertThat(events).filteredOn(e -> e instanceof CiraEvent.Disconnected).singleElement()
                .satisfies(e -> assertThat(((CiraEvent.Disconnected) e).detail()).contains("admin\\u001b[31m\\n"));
        assertNoControlCharacters();
    }

    private void assertNoControlCharacters() {
        assertThat(logged.list).isNotEmpty();
        assertThat(logged.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("\u001b", "\n", "\r"));
        assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("\u001b", "\n", "\r"));
    }
}
