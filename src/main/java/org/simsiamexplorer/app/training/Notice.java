package org.simsiamexplorer.app.training;

/** A non-blocking message for the user about a run: it finished, failed (with the reason) or collapsed. */
public record Notice(Kind kind, String runName, String message) {
    public enum Kind { INFO, WARNING, ERROR }

    public String text() {
        return runName + ": " + message;
    }
}
