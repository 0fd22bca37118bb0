package org.simsiamexplorer.analysis;

/**
 * t-SNE input affinities from a kNN graph: per point a Gaussian over its neighbours' squared Euclidean
 * distances whose bandwidth is found by binary search so that the entropy (natural log) equals
 * {@code log(perplexity)} within {@link #ENTROPY_TOLERANCE}; then {@code P = (P + P^T) / 2n}.
 */
public final class TsneAffinities {
    static final double ENTROPY_TOLERANCE = 1e-5;
    private static final int MAX_STEPS = 200;

    private TsneAffinities() {
    }

    /**
     * Conditional affinities {@code p(j|i)}, laid out like the graph: entry {@code i*k + r} belongs to the
     * r-th neighbour of i. Each row sums to 1.
     */
    public static double[] conditional(KnnGraph graph, double perplexity, int threads, CancellationToken cancel) {
        if (!(perplexity >= 1) || perplexity > graph.k()) {
            throw new IllegalArgumentException("perplexity must be in [1, " + graph.k() + "] for " + graph.k()
                    + " neighbours, got " + perplexity);
        }
        int n = graph.rows();
        int k = graph.k();
        double[] p = new double[n * k];
        double target = Math.log(perplexity);
        int chunks = Math.max(1, Math.min(64, n / 256));
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.run(chunks, c -> {
                cancel.throwIfCancelled();
                double[] squared = new double[k];
                for (int i = WorkerPool.chunkStart(n, chunks, c); i < WorkerPool.chunkStart(n, chunks, c + 1); i++) {
                    for (int r = 0; r < k; r++) {
                        double d = graph.distance(i, r);
                        squared[r] = d * d;
                    }
                    calibrateRow(squared, target, p, i * k);
                }
            });
        }
        return p;
    }

    /** Binary search on the precision beta = 1 / (2 sigma^2); writes the normalised row into {@code out}. */
    static void calibrateRow(double[] squared, double targetEntropy, double[] out, int offset) {
        int k = squared.length;
        double min = Double.POSITIVE_INFINITY;
        for (double d : squared) {
            min = Math.min(min, d);
        }
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_STEPS; step++) {
            double sum = 0;
            double weighted = 0;
            for (int r = 0; r < k; r++) {
                // shifting by the smallest distance cancels in the normalisation and avoids underflow
                double shifted = squared[r] - min;
                double v = Math.exp(-beta * shifted);
                out[offset + r] = v;
                sum += v;
                weighted += shifted * v;
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            double error = entropy - targetEntropy;
            if (Math.abs(error) < ENTROPY_TOLERANCE) {
                break;
            }
            if (error > 0) { // too flat: sharpen
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        double sum = 0;
        for (int r = 0; r < k; r++) {
            sum += out[offset + r];
        }
        for (int r = 0; r < k; r++) {
            out[offset + r] /= sum;
        }
    }

    /** {@code P = (P_cond + P_cond^T) / 2n} as compressed rows; entries sum to 1. */
    public static SparseAffinities symmetrize(KnnGraph graph, double[] conditional) {
        int n = graph.rows();
        int k = graph.k();
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            count[i] += k;
            for (int r = 0; r < k; r++) {
                count[graph.neighbour(i, r)]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] fill = start.clone();
        int[] cols = new int[start[n]];
        double[] vals = new double[start[n]];
        double scale = 1.0 / (2.0 * n);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < k; r++) {
                int j = graph.neighbour(i, r);
                double v = conditional[i * k + r] * scale;
                cols[fill[i]] = j;
                vals[fill[i]++] = v;
                cols[fill[j]] = i;
                vals[fill[j]++] = v;
            }
        }
        // sort each row by column and merge duplicates (j in kNN(i) and i in kNN(j))
        int[] outStart = new int[n + 1];
        int out = 0;
        long[] keys = new long[0];
        for (int i = 0; i < n; i++) {
            int from = start[i];
            int len = start[i + 1] - from;
            if (keys.length < len) {
                keys = new long[Math.max(len, keys.length * 2)];
            }
            for (int e = 0; e < len; e++) {
                keys[e] = ((long) cols[from + e] << 32) | e;
            }
            java.util.Arrays.sort(keys, 0, len);
            double[] rowVals = java.util.Arrays.copyOfRange(vals, from, from + len);
            outStart[i] = out;
            for (int e = 0; e < len; e++) {
                int col = (int) (keys[e] >>> 32);
                double v = rowVals[(int) keys[e]];
                if (out > outStart[i] && cols[out - 1] == col) {
                    vals[out - 1] += v;
                } else {
                    cols[out] = col;
                    vals[out++] = v;
                }
            }
        }
        outStart[n] = out;
        return new SparseAffinities(outStart, java.util.Arrays.copyOf(cols, out), java.util.Arrays.copyOf(vals, out));
    }
}
