package org.simsiamexplorer.explain;

/**
 * A classifier seen as a black box: a batch of inputs (each {@link #inputSize()} floats, e.g. a normalised CHW image)
 * in, one score per class out. What a "score" is (logit or probability) is the model's choice; SHAP explains exactly
 * that output.
 */
public interface ClassScoreModel {
    int classes();

    /** Floats per input, e.g. 3 * 32 * 32. */
    int inputSize();

    /**
     * Scores of {@code count} inputs laid out one after the other in {@code inputs}: row-major {@code count x classes}.
     */
    float[] scores(float[] inputs, int count);
}
