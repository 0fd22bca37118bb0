package org.simsiamexplorer.service;

/** Progress of a run; called on the training thread, so implementations hand work to their own thread. */
public interface TrainingListener {
    default void onStep(StepMetrics step) {
    }

    default void onEpoch(EpochMetrics epoch) {
    }

    default void onStatus(RunStatus status) {
    }
}
