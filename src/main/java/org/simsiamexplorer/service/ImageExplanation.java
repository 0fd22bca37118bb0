package org.simsiamexplorer.service;

import org.simsiamexplorer.explain.Attribution;

/**
 * One explained test image, ready to draw: per class, the attribution of every pixel (channels summed, row-major
 * {@code side x side}), the class probabilities for the headers, and the numbers the attributions add up to.
 *
 * @param datasetIndex index in the test split
 * @param label        true class
 * @param probabilities predicted probability per class
 * @param pixelAttributions {@code [class][y * side + x]}
 * @param inputScores  explained score (logit or probability) of the image per class
 * @param baseScores   expected score of the references (the SHAP base value) per class
 * @param description  method and settings in words, e.g. "Expected gradients, 64 samples, 64 references, logit"
 * @param millis       time the explanation took
 */
public record ImageExplanation(int datasetIndex, int label, float[] probabilities, float[][] pixelAttributions,
                               float[] inputScores, float[] baseScores, int side, String description, long millis) {
    public int classes() {
        return probabilities.length;
    }

    public int predictedClass() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * How far the attributions miss SHAP's efficiency property, worst class: |sum of the class's attributions -
     * (input score - base score)| relative to the largest |input score - base score| of the image
     * ({@link Attribution#relativeMiss}).
     */
    public double completenessGap() {
        double largestChange = 0;
        for (int c = 0; c < classes(); c++) {
            largestChange = Math.max(largestChange, Math.abs((double) inputScores[c] - baseScores[c]));
        }
        double worst = 0;
        for (int c = 0; c < classes(); c++) {
            double sum = 0;
            for (float value : pixelAttributions[c]) {
                sum += value;
            }
            worst = Math.max(worst, Attribution.relativeMiss(sum, (double) inputScores[c] - baseScores[c],
                    largestChange));
        }
        return worst;
    }

    /** Largest |attribution| over all classes of this image: one symmetric colour scale per row. */
    public float maxAbsAttribution() {
        float max = 0;
        for (float[] map : pixelAttributions) {
            for (float value : map) {
                max = Math.max(max, Math.abs(value));
            }
        }
        return max;
    }
}
