package org.simsiamexplorer.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** JavaFX entry point: one window, three feature tabs and a status bar. */
public class SimSiamExplorerApp extends Application {
    private ExecutorService background;

    @Override
    public void start(Stage stage) {
        OfflineEngineSettings.apply();
        background = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "simsiam-background");
            thread.setDaemon(true);
            return thread;
        });
        MainWindow window = new MainWindow(background, stage);
        Scene scene = new Scene(window.root(), 1280, 820);
        scene.getStylesheets().add(SimSiamExplorerApp.class.getResource("/org/simsiamexplorer/app/app.css").toExternalForm());
        stage.setTitle("SimSiam Explorer");
        stage.setScene(scene);
        stage.show();
        window.startBackgroundProbes();
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
