package dev.outband.app;

import javafx.application.Application;

/** Entry point; kept apart from the Application subclass so JavaFX starts from the class path. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(OutbandApp.class, args);
    }
}
