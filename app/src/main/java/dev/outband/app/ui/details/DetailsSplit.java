package dev.outband.app.ui.details;

import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.Settings;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.util.Duration;

/**
 * The device table above, the details of the selected device below: the table keeps the full width its
 * seven columns need at 1280 pixels, the logs get the width their descriptions need. The divider is
 * remembered between runs.
 */
public final class DetailsSplit {
    /**
     * Arrowing down a long list should read the device the technician stops on, not every one passed;
     * a row replaced and selected again within the wait does not count as a new selection.
     */
    private static final Duration SETTLE = Duration.millis(150);
    private static final Duration SAVE_AFTER = Duration.millis(600);

    private DetailsSplit() {
    }

    public static SplitPane create(Node table, ObservableList<Device> selection, DetailsViewModel vm,
                                   Settings settings, Background background) {
        Node details = new DetailsPane(vm).node();
        SplitPane split = new SplitPane(table, details);
        split.setId("detailsSplit");
        split.setOrientation(Orientation.VERTICAL);
        // A taller window gives the table more rows; the details keep the height the technician chose.
        SplitPane.setResizableWithParent(details, false);
        split.setDividerPositions(settings.detailsDivider());
        rememberDivider(split, settings, background);
        follow(selection, vm);
        return split;
    }

    private static void follow(ObservableList<Device> selection, DetailsViewModel vm) {
        PauseTransition settle = new PauseTransition(SETTLE);
        settle.setOnFinished(e -> vm.show(selection.size() == 1 ? selection.getFirst() : null));
        selection.addListener((ListChangeListener<Device>) change -> settle.playFromStart());
    }

    private static void rememberDivider(SplitPane split, Settings settings, Background background) {
        PauseTransition save = new PauseTransition(SAVE_AFTER);
        save.setOnFinished(e -> {
            settings.setDetailsDivider(split.getDividers().getFirst().getPosition());
            background.run("Saving settings", settings::save, s -> { });
        });
        split.getDividers().getFirst().positionProperty().addListener((o, was, now) -> save.playFromStart());
    }
}
