package org.simsiamexplorer.app;

/** DJL 0.25 reads {@code offline} and {@code OPT_OUT_TRACKING} (env or system property), not ai.djl.offline. */
final class OfflineEngineSettings {
    private OfflineEngineSettings() {
    }

    static void apply() {
        if (System.getProperty("offline") == null) {
            System.setProperty("offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }
}
