package org.simsiamexplorer.service.evaluation;

import org.simsiamexplorer.analysis.ClassificationReport;
import org.simsiamexplorer.analysis.LinearClassifier;

import java.util.List;

/**
 * What one evaluation produced, before it is written to the run directory.
 *
 * @param head              the trained head over raw backbone features
 * @param report            test-set accuracy, confusion matrix, per-class accuracy
 * @param testProbabilities softmax outputs on the scored test images, rows x classes
 * @param testIndices       the test-set index of each scored row
 * @param testLabels        the true class of each scored row
 * @param trainImages       training images the classifier saw
 * @param history           per-epoch mean training loss and accuracy
 * @param seconds           wall time of the whole evaluation
 */
public record EvaluationOutcome(EvaluationMode mode, LinearClassifier head, ClassificationReport report,
                                float[] testProbabilities, int[] testIndices, int[] testLabels, int trainImages,
                                List<EpochRecord> history, double seconds) {

    /** One classifier epoch. */
    public record EpochRecord(int epoch, double meanLoss, double trainAccuracy, double seconds) {
    }
}
