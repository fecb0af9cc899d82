package dev.outband.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The AtlantaFX look: Primer light or dark. */
public enum Theme {
    LIGHT, DARK;

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
