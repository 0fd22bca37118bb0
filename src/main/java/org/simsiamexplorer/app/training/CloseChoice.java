package org.simsiamexplorer.app.training;

/** What the user wants when closing the window while a run is active. */
public enum CloseChoice {
    /** Hide the window; the process keeps training and exits when the run ends. */
    KEEP_TRAINING,
    /** Ask the run to stop after the current step and write a checkpoint, then exit; it can be resumed later. */
    STOP_CLEANLY,
    /** Keep the window open. */
    CANCEL
}
