package org.simsiamexplorer.service;

/**
 * What {@code status.json} holds: the state, a message for the user (the reason on failure), and where the run is.
 *
 * @param updatedMillis wall-clock time of the last update, so a reader can tell a live run from a killed one
 */
public record RunStatus(RunState state, String message, int epoch, long step, long updatedMillis) {
    public static RunStatus of(RunState state, String message, int epoch, long step) {
        return new RunStatus(state, message, epoch, step, System.currentTimeMillis());
    }
}
