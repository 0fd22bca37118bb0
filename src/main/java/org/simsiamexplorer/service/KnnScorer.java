package org.simsiamexplorer.service;

/** Top-1 accuracy of a kNN classifier on test features given a labelled memory bank (rows x dim, row-major). */
@FunctionalInterface
public interface KnnScorer {
    double top1(float[] bank, int[] bankLabels, float[] test, int[] testLabels, int dim);

    /** For runs that cannot measure kNN: reports NaN ("not measured"). */
    KnnScorer UNAVAILABLE = (bank, bankLabels, test, testLabels, dim) -> Double.NaN;
}
