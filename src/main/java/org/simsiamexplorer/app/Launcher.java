package org.simsiamexplorer.app;

import javafx.application.Application;

/**
 * Plain main class so the app starts from a classpath (jar, jpackage image) without JavaFX modules on the
 * module path. It pins DJL to offline mode before anything can load the engine.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        OfflineEngineSettings.apply();
        Application.launch(SimSiamExplorerApp.class, args);
    }
}
