package dev.outband.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class OutbandApp extends Application {
    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        stage.setTitle("Outband");
        stage.setScene(new Scene(new Label("Outband"), 800, 600));
        stage.setOnShown(e -> {
            if (getParameters().getRaw().contains("--smoke")) {
                System.out.printf("main window shown in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                Platform.exit();
            }
        });
        stage.show();
    }
}
