package org.simsiamexplorer.service;

import org.simsiamexplorer.analysis.CancellationToken;
import org.simsiamexplorer.analysis.DistanceMetric;
import org.simsiamexplorer.analysis.FeatureMatrix;
import org.simsiamexplorer.analysis.KnnGraph;
import org.simsiamexplorer.analysis.KnnSearch;
import org.simsiamexplorer.analysis.LayoutQuality;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/** Questions about a feature set the embedding map asks, answered with the {@code analysis} package. */
public final class FeatureSpaceStatistics {
    /** Neighbours that vote in the leave-one-out kNN accuracy (as the standard weighted kNN monitor, but fewer). */
    public static final int VOTING_NEIGHBOURS = 20;
    /** Vote weight {@code exp(cosineSimilarity / temperature)}, as in the SimSiam / InstDisc kNN monitor. */
    public static final double TEMPERATURE = 0.1;

    private final int threads;

    public FeatureSpaceStatistics(int threads) {
        this.threads = threads;
    }

    /** The k rows nearest to {@code row} by cosine similarity, nearest first, never the row itself. */
    public int[] nearestRows(FeatureSet features, int row, int k) {
        int want = Math.min(k, features.rows() - 1);
        if (want < 1) {
            return new int[0];
        }
        float[] query = Arrays.copyOfRange(features.values(), row * features.dim(), (row + 1) * features.dim());
        FeatureMatrix all = FeatureMatrix.of(features.values(), features.rows(), features.dim());
        KnnGraph graph = KnnSearch.query(FeatureMatrix.of(query, 1, features.dim()), all,
                Math.min(want + 1, features.rows()), DistanceMetric.COSINE, threads, CancellationToken.NONE);
        int[] found = graph.neighboursOf(0);
        int[] result = new int[want];
        int count = 0;
        for (int candidate : found) {
            if (candidate != row && count < want) {
                result[count++] = candidate;
            }
        }
        return Arrays.copyOf(result, count);
    }

    /**
     * Leave-one-out weighted kNN accuracy within one feature set: each row is classified by the vote of its
     * {@link #VOTING_NEIGHBOURS} nearest other rows (cosine), weighted {@code exp(sim / 0.1)}.
     */
    public double leaveOneOutKnnAccuracy(FeatureSet features, BooleanSupplier cancelled) {
        CancellationToken token = new CancellationToken();
        int k = Math.min(VOTING_NEIGHBOURS, features.rows() - 1);
        if (k < 1) {
            return Double.NaN;
        }
        Thread watcher = watch(cancelled, token);
        try {
            KnnGraph graph = KnnSearch.graph(FeatureMatrix.of(features.values(), features.rows(), features.dim()),
                    k, DistanceMetric.COSINE, threads, token);
            byte[] labels = features.labels();
            double[] votes = new double[256];
            int correct = 0;
            for (int row = 0; row < features.rows(); row++) {
                Arrays.fill(votes, 0);
                for (int rank = 0; rank < k; rank++) {
                    double similarity = 1 - graph.distance(row, rank);
                    votes[labels[graph.neighbour(row, rank)] & 0xFF] += Math.exp(similarity / TEMPERATURE);
                }
                int best = 0;
                for (int c = 1; c < votes.length; c++) {
                    if (votes[c] > votes[best]) {
                        best = c;
                    }
                }
                if (best == (labels[row] & 0xFF)) {
                    correct++;
                }
            }
            return correct / (double) features.rows();
        } finally {
            watcher.interrupt();
        }
    }

    /** Silhouette is O(n^2): above this many points it is estimated on a fixed random subset. */
    public static final int SILHOUETTE_SAMPLE = 5000;

    /** Mean silhouette of a 2-D layout by true class (Euclidean in the layout), on at most 5,000 points. */
    public double layoutSilhouette(MapLayout layout, byte[] labels, BooleanSupplier cancelled) {
        CancellationToken token = new CancellationToken();
        Thread watcher = watch(cancelled, token);
        try {
            int[] classes = new int[labels.length];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = labels[i] & 0xFF;
            }
            return LayoutQuality.silhouette(FeatureMatrix.of(layout.xy(), layout.rows(), 2), classes,
                    SILHOUETTE_SAMPLE, 42, threads, token);
        } finally {
            watcher.interrupt();
        }
    }

    private static Thread watch(BooleanSupplier cancelled, CancellationToken token) {
        Thread watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (cancelled.getAsBoolean()) {
                        token.cancel();
                        return;
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "knn-cancel-watch");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
