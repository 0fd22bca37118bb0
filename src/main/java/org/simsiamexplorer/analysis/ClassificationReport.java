package org.simsiamexplorer.analysis;

/**
 * How a classifier did on a labelled set: top-1 and top-5 accuracy, the confusion matrix and per-class accuracy.
 * Built from scores (logits or probabilities; only their order matters).
 *
 * <p>Ties are broken towards the lower class index, the same rule as the predicted class (first maximum), so
 * "top-1 correct" and "prediction equals label" always agree and top-k can only grow with k.
 *
 * @param confusion        {@code confusion[trueClass][predictedClass]} image counts; row sums are the class counts
 * @param classCounts      images of each true class
 * @param perClassAccuracy top-1 accuracy within each true class (NaN for a class without images)
 * @param predicted        the predicted class of each row
 */
public record ClassificationReport(int rows, int classes, double top1, double top5, int[][] confusion,
                                   int[] classCounts, double[] perClassAccuracy, int[] predicted) {

    /** The k used for "top-5" (capped at the number of classes). */
    public static final int TOP_K = 5;

    /**
     * @param scores rows x classes, row-major
     * @param labels true class of each row
     */
    public static ClassificationReport of(float[] scores, int[] labels, int classes) {
        int rows = labels.length;
        if (rows == 0 || scores.length != (long) rows * classes) {
            throw new IllegalArgumentException("need at least one row and rows x classes scores: rows=" + rows
                    + " classes=" + classes + " scores=" + scores.length);
        }
        int[][] confusion = new int[classes][classes];
        int[] counts = new int[classes];
        int[] predicted = new int[rows];
        int top1 = 0;
        int top5 = 0;
        int k = Math.min(TOP_K, classes);
        for (int r = 0; r < rows; r++) {
            int label = labels[r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " of row " + r + " is outside 0.."
                        + (classes - 1));
            }
            int rank = rank(scores, r * classes, classes, label);
            predicted[r] = argMax(scores, r * classes, classes);
            confusion[label][predicted[r]]++;
            counts[label]++;
            top1 += rank == 0 ? 1 : 0;
            top5 += rank < k ? 1 : 0;
        }
        double[] perClass = new double[classes];
        for (int c = 0; c < classes; c++) {
            perClass[c] = counts[c] == 0 ? Double.NaN : (double) confusion[c][c] / counts[c];
        }
        return new ClassificationReport(rows, classes, (double) top1 / rows, (double) top5 / rows, confusion, counts,
                perClass, predicted);
    }

    /** Position of class {@code label} when the row's classes are sorted by score, best first (0 = top-1). */
    public static int rank(float[] scores, int offset, int classes, int label) {
        float own = scores[offset + label];
        int better = 0;
        for (int c = 0; c < classes; c++) {
            float s = scores[offset + c];
            if (s > own || (s == own && c < label) || (Float.isNaN(own) && c != label)) {
                better++;
            }
        }
        return better;
    }

    /** The first class with the highest score (NaN scores never win). */
    public static int argMax(float[] scores, int offset, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scores[offset + c] > scores[offset + best] || Float.isNaN(scores[offset + best])) {
                best = c;
            }
        }
        return best;
    }
}
