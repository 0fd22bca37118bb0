package org.simsiamexplorer.service;

/** One optimisation step, as sent to listeners and appended to metrics.jsonl ({@code "type":"step"}). */
public record StepMetrics(int epoch, long step, int stepInEpoch, int stepsPerEpoch, double loss, double lr,
                          double imagesPerSecond, double etaSeconds) {
}
