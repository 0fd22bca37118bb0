package org.simsiamexplorer.service.evaluation;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import org.simsiamexplorer.analysis.ClassificationReport;
import org.simsiamexplorer.analysis.LinearClassifier;
import org.simsiamexplorer.analysis.SoftmaxRegression;
import org.simsiamexplorer.analysis.SoftmaxTrainingConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The linear probe: the encoder is frozen, its features are computed once without augmentation (inference mode,
 * BatchNorm running statistics) for the training and the test images, and a softmax head is trained on that cache
 * with SGD, momentum, weight decay and a cosine learning rate ({@link SoftmaxRegression}). No parameter of the
 * backbone is touched, so the encoder stays bit-identical.
 */
public final class LinearProbe {
    private LinearProbe() {
    }

    /** Call on a thread with PyTorch grad mode off ({@code Gradients.disableGradModeOnThisThread()}). */
    public static EvaluationOutcome run(Block backbone, int featureSize, EvaluationImages images,
                                        EvaluationConfig config, NDManager manager, EvaluationListener listener) {
        config.requireValid();
        long start = System.nanoTime();
        int[] trainIndices = EvaluationImages.subset(images.train().count(), config.trainSubset(), config.seed());
        int[] testIndices = EvaluationImages.subset(images.test().count(), config.testSubset(), config.seed() + 1);
        int[] trainLabels = EvaluationImages.labelsOf(images.train(), trainIndices);
        int[] testLabels = EvaluationImages.labelsOf(images.test(), testIndices);
        float[] trainFeatures = FeatureExtractor.extract(backbone, featureSize, images.train(), trainIndices,
                config.batchSize(), manager, "train features", listener);
        float[] testFeatures = FeatureExtractor.extract(backbone, featureSize, images.test(), testIndices,
                config.batchSize(), manager, "test features", listener);
        SoftmaxTrainingConfig headConfig = new SoftmaxTrainingConfig(config.epochs(), config.batchSize(),
                config.learningRate(), config.momentum(), config.weightDecay(), config.seed());
        List<EvaluationOutcome.EpochRecord> history = new ArrayList<>();
        long headStart = System.nanoTime();
        LinearClassifier head = SoftmaxRegression.train(trainFeatures, trainLabels, featureSize, images.classes(),
                headConfig, (epoch, epochs, loss) -> {
                    double seconds = (System.nanoTime() - headStart) / 1e9;
                    history.add(new EvaluationOutcome.EpochRecord(epoch, loss, Double.NaN, seconds));
                    listener.onEpoch(epoch, epochs, loss, Double.NaN, seconds);
                });
        double trainAccuracy = ClassificationReport.of(head.logits(trainFeatures, trainIndices.length), trainLabels,
                images.classes()).top1();
        EvaluationOutcome.EpochRecord last = history.get(history.size() - 1);
        history.set(history.size() - 1, new EvaluationOutcome.EpochRecord(last.epoch(), last.meanLoss(),
                trainAccuracy, last.seconds()));
        float[] probabilities = head.probabilities(testFeatures, testIndices.length);
        ClassificationReport report = ClassificationReport.of(probabilities, testLabels, images.classes());
        return new EvaluationOutcome(EvaluationMode.LINEAR, head, report, probabilities, testIndices, testLabels,
                trainIndices.length, history, (System.nanoTime() - start) / 1e9);
    }
}
