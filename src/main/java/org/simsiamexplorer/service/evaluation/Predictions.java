package org.simsiamexplorer.service.evaluation;

import java.util.List;

/**
 * Per-image test predictions of a classifier: the class probabilities of every scored test image.
 * Stored as {@code test-predictions.f32} (float32 little-endian, rows x classes, row-major) and
 * {@code test-predictions.json} (this record without the probabilities; written last, so its presence means the
 * .f32 is complete).
 *
 * @param datasetIndices index of each row's image in the CIFAR-10 test split
 * @param labels         true class of each row
 * @param predicted      predicted class (highest probability, ties to the lower class) of each row
 * @param probabilities  rows x classes, row-major
 */
public record Predictions(String split, int rows, int classes, List<String> classNames, int[] datasetIndices,
                          int[] labels, int[] predicted, float[] probabilities) {

    public Predictions {
        if (datasetIndices.length != rows || labels.length != rows || predicted.length != rows
                || probabilities.length != (long) rows * classes) {
            throw new IllegalArgumentException("prediction sizes disagree: rows=" + rows + " classes=" + classes
                    + " indices=" + datasetIndices.length + " labels=" + labels.length + " predicted="
                    + predicted.length + " probabilities=" + probabilities.length);
        }
    }

    /** Probability of class {@code c} for row {@code row}. */
    public float probability(int row, int c) {
        return probabilities[row * classes + c];
    }
}
