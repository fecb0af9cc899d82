package dev.outband.app.ui.details.clock;

import dev.outband.app.ui.details.DetailsText;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.details.DevicePage;
import dev.outband.app.ui.details.FactGrid;
import dev.outband.app.ui.details.FactGrid.Fact;
import dev.outband.app.ui.details.SectionView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Clock tab: AMT's clock beside the console's, how far apart they are, and setting AMT's clock to the
 * console's (AMT stamps its event and audit logs, and checks certificates, with it).
 */
public final class ClockPage {
    /** Drift below this is what the one-second resolution of AMT's clock and the round trip explain. */
    static final Duration IN_STEP = Duration.ofSeconds(2);

    /** The device's clock and the console's, read together. */
    record Reading(Instant device, Instant console) {
        Duration drift() {
            return Duration.between(console, device);
        }
    }

    private final DevicePage<Reading> page;
    private final FactGrid facts = new FactGrid("clockFacts");
    private final Button sync = new Button("Set to the console's time", new FontIcon(Feather.CLOCK));

    public ClockPage(DetailsViewModel vm) {
        page = new DevicePage<>(vm, "clock", d -> new Reading(d.deviceTime(), Instant.now()));
        sync.setId("syncClock");
        sync.setOnAction(e -> page.change("Set the device's clock", d -> {
            d.synchronizeClock();
            return "The device's clock now follows the console's.";
        }));
    }

    public Tab tab() {
        sync.disableProperty().bind(page.ready().not());
        SectionView<Reading> section = new SectionView<>("clock", "the device's clock", page.load(), facts.node(),
                r -> facts.show(List.of(
                        new Fact("Device time", DetailsText.time(r.device())),
                        new Fact("Console time", DetailsText.time(r.console())),
                        new Fact("Difference", drift(r.drift())))));
        return page.tab("Clock", Feather.CLOCK, "AMT keeps its own clock for its logs and certificate checks; it "
                + "does not follow the host OS.", section.node(), sync);
    }

    static String drift(Duration drift) {
        if (drift.abs().compareTo(IN_STEP) < 0) {
            return "In step";
        }
        Duration d = drift.abs();
        String size = d.toDays() > 0 ? d.toDays() + " d " + d.toHoursPart() + " h"
                : d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
        return size + (drift.isNegative() ? " behind" : " ahead");
    }
}
