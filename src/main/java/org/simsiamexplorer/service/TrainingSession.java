package org.simsiamexplorer.service;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A run in progress; all methods are safe to call from any thread. */
public interface TrainingSession {
    void pause();

    void resume();

    /** Asks the run to stop after the current step and write a checkpoint; the run can be resumed later. */
    void stop();

    RunStatus status();

    Path runDirectory();

    /** Waits for the run to reach a terminal state; true if it did within the timeout. */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException;
}
