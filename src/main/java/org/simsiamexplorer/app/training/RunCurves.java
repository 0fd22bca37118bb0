package org.simsiamexplorer.app.training;

import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.StepMetrics;

import java.util.List;

/**
 * Every curve of one run, fed from the live listener and/or from metrics.jsonl. Appends are idempotent: a step or
 * an epoch that is not newer than the last one is ignored, so the same record arriving from both sources (the
 * listener and the file follower) is drawn once. Confined to the UI thread.
 */
public final class RunCurves {
    /** Weight of the history in the loss EMA (TensorBoard-like smoothing, debiased at the start). */
    static final double EMA_DECAY = 0.98;

    private final SeriesData rawLoss = new SeriesData();
    private final SeriesData smoothedLoss = new SeriesData();
    private final SeriesData learningRate = new SeriesData();
    private final SeriesData collapseStd = new SeriesData();
    private final SeriesData collapseReference = new SeriesData();
    private final SeriesData collapseThreshold = new SeriesData();
    private final SeriesData knnAccuracy = new SeriesData();
    private double ema;
    private double emaWeight;
    private long lastStep = Long.MIN_VALUE;
    private int lastEpoch = Integer.MIN_VALUE;
    private StepMetrics latestStep;
    private EpochMetrics latestEpoch;
    private double bestKnn = Double.NaN;
    private boolean collapsed;

    /** Appends what is new; returns true when anything was added. */
    public boolean append(List<StepMetrics> steps, List<EpochMetrics> epochs) {
        boolean changed = false;
        for (StepMetrics step : steps) {
            changed |= appendStep(step);
        }
        for (EpochMetrics epoch : epochs) {
            changed |= appendEpoch(epoch);
        }
        return changed;
    }

    public boolean appendStep(StepMetrics step) {
        if (step.step() <= lastStep) {
            return false;
        }
        lastStep = step.step();
        latestStep = step;
        double x = step.step();
        rawLoss.add(x, step.loss());
        if (Double.isFinite(step.loss())) {
            ema = EMA_DECAY * ema + (1 - EMA_DECAY) * step.loss();
            emaWeight = EMA_DECAY * emaWeight + (1 - EMA_DECAY);
            smoothedLoss.add(x, ema / emaWeight);
        }
        learningRate.add(x, step.lr());
        return true;
    }

    public boolean appendEpoch(EpochMetrics epoch) {
        if (epoch.epoch() <= lastEpoch) {
            return false;
        }
        lastEpoch = epoch.epoch();
        latestEpoch = epoch;
        collapseStd.add(epoch.epoch(), epoch.collapseStd());
        collapseReference.add(epoch.epoch(), epoch.collapseReference());
        collapseThreshold.add(epoch.epoch(), epoch.collapseReference() / 5.0);
        knnAccuracy.add(epoch.epoch(), epoch.knnTop1() * 100.0);
        if (!epoch.isUntrainedBaseline() && Double.isFinite(epoch.knnTop1()) && !(epoch.knnTop1() <= bestKnn)) {
            bestKnn = epoch.knnTop1();
        }
        collapsed = epoch.looksCollapsed();
        return true;
    }

    public SeriesData rawLoss() {
        return rawLoss;
    }

    public SeriesData smoothedLoss() {
        return smoothedLoss;
    }

    public SeriesData learningRate() {
        return learningRate;
    }

    public SeriesData collapseStd() {
        return collapseStd;
    }

    public SeriesData collapseReference() {
        return collapseReference;
    }

    public SeriesData collapseThreshold() {
        return collapseThreshold;
    }

    /** kNN top-1 in percent per epoch; NaN where not measured. */
    public SeriesData knnAccuracy() {
        return knnAccuracy;
    }

    /** The most recent step, or null before the first. */
    public StepMetrics latestStep() {
        return latestStep;
    }

    /** The most recent epoch, or null before the first. */
    public EpochMetrics latestEpoch() {
        return latestEpoch;
    }

    /** Best kNN top-1 in [0, 1], NaN when never measured. */
    public double bestKnn() {
        return bestKnn;
    }

    /** Whether the latest epoch fell below a fifth of 1/sqrt(d). */
    public boolean collapsed() {
        return collapsed;
    }

    public int stepCount() {
        return rawLoss.size();
    }
}
