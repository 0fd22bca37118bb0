package org.simsiamexplorer.service.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hyperparameters of one evaluation; written into the results JSON so a number can be traced to how it was made.
 *
 * @param mode         linear probe or fine-tuning
 * @param epochs       classifier epochs (default 50, the study's)
 * @param batchSize    images per step (linear: 256 for the head and for feature extraction; fine-tuning: 128)
 * @param learningRate initial lr, cosine-decayed per step to 0, no batch-size scaling (linear 0.1 on standardised
 *                     features; fine-tuning 0.05, the study's lr)
 * @param momentum     SGD momentum (0.9)
 * @param weightDecay  SGD weight decay (5e-4, the study's)
 * @param trainSubset  training images used (0 = all 50,000); a seeded random subset, the same for every run
 * @param testSubset   test images scored (0 = all 10,000); a seeded random subset
 * @param seed         seeds subsets, shuffling, augmentation and the head's initialisation
 * @param device       auto, cpu or gpu
 */
public record EvaluationConfig(EvaluationMode mode, int epochs, int batchSize, double learningRate, double momentum,
                               double weightDecay, int trainSubset, int testSubset, long seed, String device) {

    public static EvaluationConfig linearDefaults() {
        return new EvaluationConfig(EvaluationMode.LINEAR, 50, 256, 0.1, 0.9, 5e-4, 0, 0, 42L, "auto");
    }

    public static EvaluationConfig finetuneDefaults() {
        return new EvaluationConfig(EvaluationMode.FINETUNE, 50, 128, 0.05, 0.9, 5e-4, 0, 0, 42L, "auto");
    }

    public static EvaluationConfig defaults(EvaluationMode mode) {
        return mode == EvaluationMode.LINEAR ? linearDefaults() : finetuneDefaults();
    }

    /** Every problem, worded for the user; empty when the evaluation can run. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (mode == null) {
            problems.add("mode must be linear or finetune");
        }
        if (epochs < 1) {
            problems.add("epochs must be at least 1 (was " + epochs + ")");
        }
        if (batchSize < 2) {
            problems.add("batch size must be at least 2 (was " + batchSize + ")");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            problems.add("learning rate must be a positive number (was " + learningRate + ")");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add("momentum must be in [0, 1) (was " + momentum + ")");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            problems.add("weight decay must be zero or positive (was " + weightDecay + ")");
        }
        if (trainSubset < 0 || testSubset < 0) {
            problems.add("subsets must be 0 (all) or positive (were " + trainSubset + " and " + testSubset + ")");
        }
        if (device == null || !Set.of("auto", "cpu", "gpu").contains(device.toLowerCase(Locale.ROOT))) {
            problems.add("device must be auto, cpu or gpu (was " + device + ")");
        }
        return problems;
    }

    public void requireValid() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid evaluation configuration:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    public EvaluationConfig withEpochs(int value) {
        return new EvaluationConfig(mode, value, batchSize, learningRate, momentum, weightDecay, trainSubset,
                testSubset, seed, device);
    }

    public EvaluationConfig withBatchSize(int value) {
        return new EvaluationConfig(mode, epochs, value, learningRate, momentum, weightDecay, trainSubset,
                testSubset, seed, device);
    }

    public EvaluationConfig withLearningRate(double value) {
        return new EvaluationConfig(mode, epochs, batchSize, value, momentum, weightDecay, trainSubset, testSubset,
                seed, device);
    }

    public EvaluationConfig withSubsets(int train, int test) {
        return new EvaluationConfig(mode, epochs, batchSize, learningRate, momentum, weightDecay, train, test, seed,
                device);
    }

    public EvaluationConfig withDevice(String value) {
        return new EvaluationConfig(mode, epochs, batchSize, learningRate, momentum, weightDecay, trainSubset,
                testSubset, seed, value);
    }

    public EvaluationConfig withSeed(long value) {
        return new EvaluationConfig(mode, epochs, batchSize, learningRate, momentum, weightDecay, trainSubset,
                testSubset, value, device);
    }
}
