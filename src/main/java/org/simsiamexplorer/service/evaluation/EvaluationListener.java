package org.simsiamexplorer.service.evaluation;

/** Progress of an evaluation; called on the evaluating thread. */
public interface EvaluationListener {
    /** A stage starts or advances, e.g. "train features 2560/50000"; meant for a progress line. */
    default void onProgress(String stage, long done, long total) {
    }

    /** One classifier epoch finished (1-based) with its mean training loss and training accuracy (NaN if unknown). */
    default void onEpoch(int epoch, int epochs, double meanLoss, double trainAccuracy, double seconds) {
    }

    EvaluationListener NONE = new EvaluationListener() {
    };
}
