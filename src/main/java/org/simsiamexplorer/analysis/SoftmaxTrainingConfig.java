package org.simsiamexplorer.analysis;

/**
 * How a linear softmax classifier is trained on fixed features: mini-batch SGD with momentum and weight decay,
 * cross-entropy loss, learning rate decayed per step with a cosine from {@code learningRate} to 0.
 *
 * @param epochs       passes over the training features (default 50, the study's classifier epochs)
 * @param batchSize    rows per step (default 256; the head is tiny, so larger batches cost nothing)
 * @param learningRate initial learning rate (default 0.1, on standardised features)
 * @param momentum     SGD momentum (default 0.9)
 * @param weightDecay  L2 penalty on the weights, not the bias (default 5e-4, as in the study)
 * @param seed         seeds the shuffling of the rows (default 42)
 */
public record SoftmaxTrainingConfig(int epochs, int batchSize, double learningRate, double momentum,
                                    double weightDecay, long seed) {

    public SoftmaxTrainingConfig {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("softmax training needs epochs >= 1 and batch size >= 1, got "
                    + epochs + " and " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate) || !(momentum >= 0 && momentum < 1)
                || !(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("softmax training needs lr > 0, momentum in [0, 1) and weight decay"
                    + " >= 0, got lr " + learningRate + ", momentum " + momentum + ", weight decay " + weightDecay);
        }
    }

    public static SoftmaxTrainingConfig defaults() {
        return new SoftmaxTrainingConfig(50, 256, 0.1, 0.9, 5e-4, 42L);
    }
}
