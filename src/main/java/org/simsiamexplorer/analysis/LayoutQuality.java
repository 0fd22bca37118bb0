package org.simsiamexplorer.analysis;

import java.util.Random;

/** Quality numbers of a 2-D layout for the map header. */
public final class LayoutQuality {
    private LayoutQuality() {
    }

    /**
     * Trustworthiness at {@code k} exactly as {@code sklearn.manifold.trustworthiness} (Euclidean): 1 minus the
     * normalised penalty {@code sum max(0, r(i,j) - k)} over each point's k layout neighbours j, where r is j's rank
     * among i's neighbours in the original space. Needs all original distances: O(n^2 d) blocked dot products.
     */
    public static double trustworthiness(FeatureMatrix original, FeatureMatrix layout, int k, int threads,
                                         CancellationToken cancel) {
        int n = original.rows();
        if (layout.rows() != n) {
            throw new IllegalArgumentException("layout has " + layout.rows() + " points, original has " + n);
        }
        if (k < 1 || k >= n / 2.0) {
            throw new IllegalArgumentException("trustworthiness needs 1 <= k < n / 2, got k=" + k + ", n=" + n);
        }
        KnnGraph embedded = KnnSearch.graph(layout, k, DistanceMetric.EUCLIDEAN, threads, cancel);
        float[] norms = KnnSearch.squaredNorms(original);
        float[][][] blocks = KnnSearch.transposedBlocks(original);
        int d = original.cols();
        float[] v = original.values();
        int tiles = (n + 3) / 4;
        long[] penalty = new long[tiles];
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.run(tiles, tileIndex -> {
                if ((tileIndex & 15) == 0) {
                    cancel.throwIfCancelled();
                }
                int q0 = tileIndex * 4;
                int tile = Math.min(4, n - q0);
                float[][] dots = new float[4][KnnSearch.REFERENCE_BLOCK];
                float[][] thresholds = new float[tile][k];
                for (int t = 0; t < tile; t++) {
                    for (int m = 0; m < k; m++) {
                        thresholds[t][m] = squaredDistance(v, d, norms, q0 + t, embedded.neighbour(q0 + t, m));
                    }
                }
                int[][] closer = new int[tile][k];
                for (int b = 0; b < blocks.length; b++) {
                    int from = b * KnnSearch.REFERENCE_BLOCK;
                    int size = Math.min(KnnSearch.REFERENCE_BLOCK, n - from);
                    BlockSearch.dotTile(v, d, q0, tile, blocks[b], size, dots);
                    for (int t = 0; t < tile; t++) {
                        float qn = norms[q0 + t];
                        for (int j = 0; j < size; j++) {
                            if (from + j == q0 + t) {
                                continue;
                            }
                            float dist = qn + norms[from + j] - 2f * dots[t][j];
                            for (int m = 0; m < k; m++) {
                                if (dist < thresholds[t][m]) {
                                    closer[t][m]++;
                                }
                            }
                        }
                    }
                }
                long sum = 0;
                for (int t = 0; t < tile; t++) {
                    for (int m = 0; m < k; m++) {
                        int rank = closer[t][m] + 1;
                        sum += Math.max(0, rank - k);
                    }
                }
                penalty[tileIndex] = sum;
            });
        }
        double total = 0;
        for (long p : penalty) {
            total += p;
        }
        return 1 - total * (2.0 / (n * (double) k * (2.0 * n - 3.0 * k - 1.0)));
    }

    /** Same formula as the blocked pass ({@code |a|^2 + |b|^2 - 2 a.b} in float), so ties compare consistently. */
    private static float squaredDistance(float[] v, int d, float[] norms, int a, int b) {
        float dot = 0;
        for (int t = 0; t < d; t++) {
            dot += v[a * d + t] * v[b * d + t];
        }
        return norms[a] + norms[b] - 2f * dot;
    }

    /**
     * Mean silhouette coefficient of a layout (any dimension, Euclidean) with class labels, as
     * {@code sklearn.metrics.silhouette_score}; points alone in their class score 0. O(n^2).
     */
    public static double silhouette(FeatureMatrix layout, int[] labels, int threads, CancellationToken cancel) {
        return Silhouette.score(layout, labels, threads, cancel);
    }

    /** Silhouette of a random subset of at most {@code maxPoints} points (like sklearn's {@code sample_size}). */
    public static double silhouette(FeatureMatrix layout, int[] labels, int maxPoints, long seed, int threads,
                                    CancellationToken cancel) {
        int n = layout.rows();
        if (n <= maxPoints) {
            return silhouette(layout, labels, threads, cancel);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < maxPoints; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int d = layout.cols();
        float[] values = new float[maxPoints * d];
        int[] subLabels = new int[maxPoints];
        for (int s = 0; s < maxPoints; s++) {
            System.arraycopy(layout.values(), order[s] * d, values, s * d, d);
            subLabels[s] = labels[order[s]];
        }
        return silhouette(new FeatureMatrix(values, maxPoints, d), subLabels, threads, cancel);
    }
}
