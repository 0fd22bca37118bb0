package org.simsiamexplorer.service;

/**
 * Throughput and ETA of a run: an exponential moving average of wall time per step (data waiting included), plus
 * the measured cost of the kNN evaluations still to come.
 */
final class ProgressClock {
    private static final double SMOOTHING = 0.1;

    private final long totalSteps;
    private long lastTick = System.nanoTime();
    private double secondsPerStep = Double.NaN;
    private double imagesPerSecond = Double.NaN;
    private double evaluationSecondsLeft;

    ProgressClock(long totalSteps) {
        this.totalSteps = totalSteps;
    }

    /** Restarts the step timer after time that is not training (a pause, a checkpoint, an evaluation). */
    void restart() {
        lastTick = System.nanoTime();
    }

    void stepDone(int images) {
        long now = System.nanoTime();
        double seconds = Math.max((now - lastTick) / 1e9, 1e-9);
        lastTick = now;
        secondsPerStep = Double.isNaN(secondsPerStep) ? seconds
                : (1 - SMOOTHING) * secondsPerStep + SMOOTHING * seconds;
        double rate = images / seconds;
        imagesPerSecond = Double.isNaN(imagesPerSecond) ? rate : (1 - SMOOTHING) * imagesPerSecond + SMOOTHING * rate;
    }

    /** After an evaluation: its cost times the evaluations still due; restarts the step timer. */
    void evaluationDone(double seconds, int remainingEvaluations) {
        evaluationSecondsLeft = seconds * remainingEvaluations;
        lastTick = System.nanoTime();
    }

    double imagesPerSecond() {
        return imagesPerSecond;
    }

    double etaSeconds(long globalStep) {
        return (totalSteps - globalStep) * secondsPerStep + evaluationSecondsLeft;
    }
}
