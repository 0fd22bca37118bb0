package org.simsiamexplorer.service;

import org.simsiamexplorer.analysis.CancellationToken;
import org.simsiamexplorer.analysis.FeatureMatrix;
import org.simsiamexplorer.analysis.KnnClassifier;

/** Top-1 accuracy of a kNN classifier on test features given a labelled memory bank (rows x dim, row-major). */
@FunctionalInterface
public interface KnnScorer {
    double top1(float[] bank, int[] bankLabels, float[] test, int[] testLabels, int dim);

    /** The standard monitor: 200-NN cosine similarity, votes weighted exp(sim / 0.1) ({@link KnnClassifier}). */
    static KnnScorer weighted200Nn() {
        return (bank, bankLabels, test, testLabels, dim) -> KnnClassifier.standard().accuracy(
                FeatureMatrix.of(bank, bankLabels.length, dim), bankLabels,
                FeatureMatrix.of(test, testLabels.length, dim), testLabels, CancellationToken.NONE);
    }

    /** For runs that cannot measure kNN: reports NaN ("not measured"). */
    KnnScorer UNAVAILABLE = (bank, bankLabels, test, testLabels, dim) -> Double.NaN;
}
