package org.simsiamexplorer.analysis;

import java.util.SplittableRandom;

/**
 * Trains a {@link LinearClassifier} on fixed feature vectors (the linear probe's head): multinomial logistic
 * regression by mini-batch SGD. Plain Java, because the head is tiny (512 x 10 at ResNet-18 width) and the features
 * are computed once, so each epoch costs milliseconds.
 *
 * <p>Training runs on standardised features (per dimension: zero mean, unit variance on the training rows), which
 * makes one learning rate work for encoders whose feature scales differ by orders of magnitude; the returned
 * classifier has the standardisation folded into its weights, so it applies to raw features. A dimension that is
 * constant on the training set (a collapsed encoder) gets weight 0 instead of a division by zero.
 */
public final class SoftmaxRegression {
    private static final double CONSTANT_DIMENSION_STD = 1e-6;

    /** Mean training loss after each epoch (1-based). */
    @FunctionalInterface
    public interface EpochListener {
        void onEpoch(int epoch, int epochs, double meanLoss);
    }

    private SoftmaxRegression() {
    }

    /**
     * @param features rows x dim, row-major
     * @param labels   class of each row, 0..classes-1
     */
    public static LinearClassifier train(float[] features, int[] labels, int dim, int classes,
                                         SoftmaxTrainingConfig config, EpochListener listener) {
        int rows = labels.length;
        if (rows == 0 || features.length != (long) rows * dim) {
            throw new IllegalArgumentException("need at least one row and rows x dim features: rows=" + rows
                    + " dim=" + dim + " values=" + features.length);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes - 1));
            }
        }
        double[] mean = new double[dim];
        double[] inverseStd = new double[dim];
        standardisation(features, rows, dim, mean, inverseStd);
        float[] x = new float[features.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                x[r * dim + j] = (float) ((features[r * dim + j] - mean[j]) * inverseStd[j]);
            }
        }
        for (float value : x) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("features contain NaN or infinite values: the encoder diverged");
            }
        }
        float[] w = new float[classes * dim];
        float[] b = new float[classes];
        sgd(x, labels, dim, classes, config, listener, w, b);
        return folded(w, b, mean, inverseStd, classes, dim);
    }

    private static void standardisation(float[] features, int rows, int dim, double[] mean, double[] inverseStd) {
        double[] squares = new double[dim];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += features[r * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dim; j++) {
                double d = features[r * dim + j] - mean[j];
                squares[j] += d * d;
            }
        }
        for (int j = 0; j < dim; j++) {
            double std = Math.sqrt(squares[j] / rows);
            inverseStd[j] = std > CONSTANT_DIMENSION_STD ? 1 / std : 0;
        }
    }

    private static void sgd(float[] x, int[] labels, int dim, int classes, SoftmaxTrainingConfig config,
                            EpochListener listener, float[] w, float[] b) {
        int rows = labels.length;
        int batch = Math.min(config.batchSize(), rows);
        int stepsPerEpoch = (rows + batch - 1) / batch;
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        float[] gradW = new float[w.length];
        float[] gradB = new float[classes];
        float[] velocityW = new float[w.length];
        float[] velocityB = new float[classes];
        float[] p = new float[classes];
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        long step = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(order, random);
            double lossSum = 0;
            for (int start = 0; start < rows; start += batch, step++) {
                int size = Math.min(batch, rows - start);
                java.util.Arrays.fill(gradW, 0);
                java.util.Arrays.fill(gradB, 0);
                for (int k = start; k < start + size; k++) {
                    int r = order[k];
                    int offset = r * dim;
                    lossSum += crossEntropyGradient(x, offset, labels[r], w, b, dim, classes, p);
                    for (int c = 0; c < classes; c++) {
                        float g = p[c];
                        if (g == 0) {
                            continue;
                        }
                        gradB[c] += g;
                        int row = c * dim;
                        for (int j = 0; j < dim; j++) {
                            gradW[row + j] += g * x[offset + j];
                        }
                    }
                }
                double lr = 0.5 * config.learningRate() * (1 + Math.cos(Math.PI * step / totalSteps));
                float scale = 1f / size;
                float momentum = (float) config.momentum();
                float decay = (float) config.weightDecay();
                for (int i = 0; i < w.length; i++) {
                    velocityW[i] = momentum * velocityW[i] + gradW[i] * scale + decay * w[i];
                    w[i] -= (float) (lr * velocityW[i]);
                }
                for (int c = 0; c < classes; c++) {
                    velocityB[c] = momentum * velocityB[c] + gradB[c] * scale;
                    b[c] -= (float) (lr * velocityB[c]);
                }
            }
            if (listener != null) {
                listener.onEpoch(epoch, config.epochs(), lossSum / rows);
            }
        }
    }

    /** Writes dLoss/dLogits (softmax - one-hot) of one row into {@code p}; returns the row's cross-entropy. */
    private static double crossEntropyGradient(float[] x, int offset, int label, float[] w, float[] b, int dim,
                                               int classes, float[] p) {
        double max = Double.NEGATIVE_INFINITY;
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
            double sum = b[c];
            int row = c * dim;
            for (int j = 0; j < dim; j++) {
                sum += w[row + j] * x[offset + j];
            }
            logits[c] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
            logits[c] = Math.exp(logits[c] - max);
            total += logits[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] = (float) (logits[c] / total);
        }
        double loss = -Math.log(Math.max(p[label], 1e-30));
        p[label] -= 1;
        return loss;
    }

    private static LinearClassifier folded(float[] w, float[] b, double[] mean, double[] inverseStd, int classes,
                                           int dim) {
        float[] weights = new float[w.length];
        float[] bias = new float[classes];
        for (int c = 0; c < classes; c++) {
            double shift = b[c];
            for (int j = 0; j < dim; j++) {
                double scaled = w[c * dim + j] * inverseStd[j];
                weights[c * dim + j] = (float) scaled;
                shift -= scaled * mean[j];
            }
            bias[c] = (float) shift;
        }
        return new LinearClassifier(classes, dim, weights, bias);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
