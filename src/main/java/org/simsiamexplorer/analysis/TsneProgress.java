package org.simsiamexplorer.analysis;

/**
 * A progress report from {@link Tsne}.
 *
 * @param stage           what is running
 * @param iteration       gradient-descent iterations done (0 before optimisation)
 * @param totalIterations iterations planned
 * @param klDivergence    KL(P || Q) of the current layout against the un-exaggerated P; NaN before optimisation
 * @param layout          a copy of the current {@code n x 2} layout; null before optimisation
 */
public record TsneProgress(Stage stage, int iteration, int totalIterations, double klDivergence,
                           FeatureMatrix layout) {

    public enum Stage { REDUCING_DIMENSIONS, FINDING_NEIGHBOURS, CALIBRATING_AFFINITIES, OPTIMISING, DONE }
}
