package org.simsiamexplorer.service;

/**
 * One finished epoch, appended to metrics.jsonl ({@code "type":"epoch"}). A new run first writes epoch 0: the
 * untrained encoder's kNN accuracy, with NaN loss and collapse std.
 *
 * @param collapseStd       mean over dimensions of the std over the batch of L2-normalised z; a healthy
 *                          representation stays near {@code collapseReference}, a collapsed one goes to 0
 * @param collapseReference 1/sqrt(d)
 * @param knnTop1           weighted kNN top-1 accuracy on the test set in [0, 1], or NaN when not measured
 */
public record EpochMetrics(int epoch, double meanLoss, double collapseStd, double collapseReference, double knnTop1,
                           double seconds) {

    /** The record written before the first step (epoch 0): the untrained encoder's kNN accuracy, no loss yet. */
    public boolean isUntrainedBaseline() {
        return epoch == 0;
    }

    /** The collapse warning threshold: a fifth of the healthy reference. */
    public boolean looksCollapsed() {
        return collapseStd < collapseReference / 5.0;
    }
}
