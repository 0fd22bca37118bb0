package org.simsiamexplorer.analysis;

import java.util.Objects;

/**
 * A linear classifier over raw feature vectors: {@code logits = W x + b}, {@code W} row-major (classes x dim).
 * The same numbers as a DJL {@code Linear} layer's weight (units x inputs) and bias, so a head trained here can be
 * loaded into the network unchanged.
 */
public record LinearClassifier(int classes, int dim, float[] weights, float[] bias) {

    public LinearClassifier {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        if (classes < 1 || dim < 1 || weights.length != (long) classes * dim || bias.length != classes) {
            throw new IllegalArgumentException("linear classifier sizes disagree: classes=" + classes + " dim=" + dim
                    + " weights=" + weights.length + " bias=" + bias.length);
        }
    }

    /** Logits of every row of {@code features} (rows x dim), as rows x classes. */
    public float[] logits(float[] features, int rows) {
        if (features.length != (long) rows * dim) {
            throw new IllegalArgumentException(rows + " rows of " + dim + " features need " + (long) rows * dim
                    + " values, got " + features.length);
        }
        float[] out = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            logitsOfRow(features, r * dim, out, r * classes);
        }
        return out;
    }

    void logitsOfRow(float[] features, int featureOffset, float[] out, int outOffset) {
        for (int c = 0; c < classes; c++) {
            double sum = bias[c];
            int w = c * dim;
            for (int j = 0; j < dim; j++) {
                sum += weights[w + j] * features[featureOffset + j];
            }
            out[outOffset + c] = (float) sum;
        }
    }

    /** Softmax of each row of logits (rows x classes), in place; max-subtracted so large logits do not overflow. */
    public static float[] softmaxInPlace(float[] logits, int classes) {
        for (int offset = 0; offset < logits.length; offset += classes) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[offset + c]);
            }
            double total = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(logits[offset + c] - max);
                logits[offset + c] = (float) e;
                total += e;
            }
            for (int c = 0; c < classes; c++) {
                logits[offset + c] = (float) (logits[offset + c] / total);
            }
        }
        return logits;
    }

    /** Class probabilities of every row (rows x classes). */
    public float[] probabilities(float[] features, int rows) {
        return softmaxInPlace(logits(features, rows), classes);
    }
}
