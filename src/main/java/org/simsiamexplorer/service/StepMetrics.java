package org.simsiamexplorer.service;

/**
 * One optimisation step, as sent to listeners and appended to metrics.jsonl ({@code "type":"step"}).
 *
 * @param collapseStd std of the L2-normalised z of this step's batch (see {@link EpochMetrics}); lets a reader see a
 *                    collapse within an epoch. 0 in files written before it existed.
 */
public record StepMetrics(int epoch, long step, int stepInEpoch, int stepsPerEpoch, double loss, double lr,
                          double imagesPerSecond, double etaSeconds, double collapseStd) {
}
