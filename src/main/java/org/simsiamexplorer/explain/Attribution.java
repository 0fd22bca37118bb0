package org.simsiamexplorer.explain;

/**
 * Per-class attributions for one input: {@code values[c][i]} is input element i's contribution to class c's score
 * (same layout as the input, e.g. CHW). SHAP's efficiency property says that, per class, the values add up to
 * {@code inputScores[c] - baseScores[c]}: the input's score minus the expected score of the reference inputs
 * (background samples for expected gradients, the fully masked image for patch SHAP).
 */
public record Attribution(float[][] values, float[] inputScores, float[] baseScores) {
    public Attribution {
        if (values.length != inputScores.length || values.length != baseScores.length) {
            throw new IllegalArgumentException("need one value map, input score and base score per class, got "
                    + values.length + ", " + inputScores.length + ", " + baseScores.length);
        }
    }

    public int classes() {
        return values.length;
    }

    /** Sum of the attributions of one class (compare with {@link #scoreChange(int)}). */
    public double total(int classIndex) {
        double sum = 0;
        for (float value : values[classIndex]) {
            sum += value;
        }
        return sum;
    }

    /** What the attributions of a class should add up to: input score minus base score. */
    public double scoreChange(int classIndex) {
        return (double) inputScores[classIndex] - baseScores[classIndex];
    }

    /**
     * How far class c misses SHAP's efficiency property: |total(c) - scoreChange(c)| relative to the largest
     * |scoreChange| over the classes (0 when exact). Expected gradients converge with the samples per reference path.
     */
    public double completenessGap(int classIndex) {
        double largest = 0;
        for (int c = 0; c < classes(); c++) {
            largest = Math.max(largest, Math.abs(scoreChange(c)));
        }
        return relativeMiss(total(classIndex), scoreChange(classIndex), largest);
    }

    /** The worst class's {@link #completenessGap(int)}. */
    public double completenessGap() {
        double worst = 0;
        for (int c = 0; c < classes(); c++) {
            worst = Math.max(worst, completenessGap(c));
        }
        return worst;
    }

    /**
     * |total - change| / largestChange; with no score change at all, 0 when the attributions add up to 0 too and
     * infinite otherwise.
     */
    public static double relativeMiss(double total, double change, double largestChange) {
        double miss = Math.abs(total - change);
        return largestChange == 0 ? (miss == 0 ? 0 : Double.POSITIVE_INFINITY) : miss / largestChange;
    }

    /**
     * Attributions of a class summed over channels: one value per pixel of a {@code channels x pixels} (CHW) input,
     * which is what a heat map shows.
     */
    public float[] perPixel(int classIndex, int channels) {
        float[] chw = values[classIndex];
        int pixels = chw.length / channels;
        float[] summed = new float[pixels];
        for (int channel = 0; channel < channels; channel++) {
            for (int p = 0; p < pixels; p++) {
                summed[p] += chw[channel * pixels + p];
            }
        }
        return summed;
    }
}
