package org.simsiamexplorer.analysis;

/**
 * The standard self-supervised monitor: classify each test feature by a vote of its nearest train features
 * under cosine similarity, each vote weighted {@code exp(sim / temperature)} (InstDisc, SimSiam repos), and
 * report top-1 accuracy. Labels are class indices {@code 0 .. classes-1}.
 */
public final class KnnClassifier {
    private final KnnClassifierConfig config;

    public KnnClassifier(KnnClassifierConfig config) {
        this.config = config;
    }

    /** A classifier with {@link KnnClassifierConfig#defaults()}. */
    public static KnnClassifier standard() {
        return new KnnClassifier(KnnClassifierConfig.defaults());
    }

    public KnnClassifierConfig config() {
        return config;
    }

    /** Top-1 accuracy in [0, 1] of the weighted vote for every test feature. */
    public double accuracy(FeatureMatrix train, int[] trainLabels, FeatureMatrix test, int[] testLabels,
                           CancellationToken cancel) {
        if (testLabels.length != test.rows()) {
            throw new IllegalArgumentException("got " + testLabels.length + " test labels for " + test.rows()
                    + " test features");
        }
        if (test.rows() == 0) {
            throw new IllegalArgumentException("no test features to classify");
        }
        int[] predicted = predict(train, trainLabels, test, cancel);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == testLabels[i]) {
                correct++;
            }
        }
        return correct / (double) predicted.length;
    }

    /** The predicted class of every test feature (ties go to the lower class index). */
    public int[] predict(FeatureMatrix train, int[] trainLabels, FeatureMatrix test, CancellationToken cancel) {
        if (trainLabels.length != train.rows()) {
            throw new IllegalArgumentException("got " + trainLabels.length + " train labels for " + train.rows()
                    + " train features");
        }
        int classes = 0;
        for (int i = 0; i < trainLabels.length; i++) {
            if (trainLabels[i] < 0) {
                throw new IllegalArgumentException("train label " + i + " is negative: " + trainLabels[i]);
            }
            classes = Math.max(classes, trainLabels[i] + 1);
        }
        int k = Math.min(config.neighbours(), train.rows());
        KnnGraph graph = KnnSearch.query(test, train, k, DistanceMetric.COSINE, config.threads(), cancel);
        int[] predicted = new int[test.rows()];
        double[] votes = new double[classes];
        for (int i = 0; i < test.rows(); i++) {
            java.util.Arrays.fill(votes, 0);
            for (int r = 0; r < k; r++) {
                double similarity = 1.0 - graph.distance(i, r);
                votes[trainLabels[graph.neighbour(i, r)]] += Math.exp(similarity / config.temperature());
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }
}
