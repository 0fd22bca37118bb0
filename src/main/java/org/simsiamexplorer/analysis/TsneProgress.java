package org.simsiamexplorer.analysis;

import java.util.function.DoubleSupplier;

/**
 * A progress report from {@link Tsne}: what is running, how far, and during optimisation a copy of the layout.
 * Each stage is reported when it starts; optimisation first with iteration 0 and no layout, then every
 * {@link TsneConfig#progressInterval()} iterations with one.
 * The KL divergence of an intermediate layout is computed only when {@link #klDivergence()} is first called (one
 * logarithm per non-zero of P, ~15 ms at n = 10,000): the map animation reports every few iterations and never
 * reads it.
 */
public final class TsneProgress {

    public enum Stage { REDUCING_DIMENSIONS, FINDING_NEIGHBOURS, CALIBRATING_AFFINITIES, OPTIMISING, DONE }

    private final Stage stage;
    private final int iteration;
    private final int totalIterations;
    private final FeatureMatrix layout;
    private DoubleSupplier pendingKl;
    private double klDivergence;

    /**
     * @param stage           what is running
     * @param iteration       gradient-descent iterations done (0 before optimisation)
     * @param totalIterations iterations planned
     * @param klDivergence    KL(P || Q) of the current layout against the un-exaggerated P; NaN before optimisation
     * @param layout          a copy of the current {@code n x 2} layout; null before the first iteration
     */
    public TsneProgress(Stage stage, int iteration, int totalIterations, double klDivergence, FeatureMatrix layout) {
        this.stage = stage;
        this.iteration = iteration;
        this.totalIterations = totalIterations;
        this.klDivergence = klDivergence;
        this.layout = layout;
    }

    /** A report whose KL divergence is computed by {@code kl} on first request (from any thread, once). */
    TsneProgress(Stage stage, int iteration, int totalIterations, DoubleSupplier kl, FeatureMatrix layout) {
        this(stage, iteration, totalIterations, Double.NaN, layout);
        this.pendingKl = kl;
    }

    public Stage stage() {
        return stage;
    }

    public int iteration() {
        return iteration;
    }

    public int totalIterations() {
        return totalIterations;
    }

    /** KL(P || Q) of the current layout against the un-exaggerated P; NaN before optimisation. */
    public synchronized double klDivergence() {
        if (pendingKl != null) {
            klDivergence = pendingKl.getAsDouble();
            pendingKl = null;
        }
        return klDivergence;
    }

    /** A copy of the current {@code n x 2} layout; null before the first iteration. */
    public FeatureMatrix layout() {
        return layout;
    }

    @Override
    public String toString() {
        return "TsneProgress[" + stage + ", iteration " + iteration + "/" + totalIterations + "]";
    }
}
