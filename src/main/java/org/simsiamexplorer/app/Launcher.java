package org.simsiamexplorer.app;

import javafx.application.Application;

/**
 * Plain main class so the app starts from a classpath (jar, jpackage image) without JavaFX modules on the
 * module path. It pins DJL to offline mode and PyTorch's OpenMP workers to passive waiting before anything can load
 * the engine.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        OfflineEngineSettings.apply();
        NativeThreadPolicy.preferPassiveWaiting();
        Application.launch(SimSiamExplorerApp.class, args);
    }
}
