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
        return symmetrize(graph, conditional, 1);
    }

    /**
     * {@code P = (P_cond + P_cond^T) / 2n} on {@code threads} threads: row i merges its own neighbours (sorted by
     * column) with the points that have i as a neighbour (ascending by construction), adding the two values where
     * both exist. The same result whatever the thread count.
     */
    public static SparseAffinities symmetrize(KnnGraph graph, double[] conditional, int threads) {
        int n = graph.rows();
        int k = graph.k();
        int[] neighbours = graph.neighbours();
        // incoming entries: row j lists the i with j in kNN(i), i ascending, and where in P_cond (i*k + r) they are
        int[] inStart = new int[n + 1];
        for (int e = 0; e < n * k; e++) {
            inStart[neighbours[e] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            inStart[j + 1] += inStart[j];
        }
        int[] inFill = java.util.Arrays.copyOf(inStart, n);
        int[] inSource = new int[n * k];
        for (int e = 0; e < n * k; e++) {
            inSource[inFill[neighbours[e]]++] = e;
        }
        int[] ownOrder = new int[n * k]; // per row, the ranks r sorted by neighbour index
        int[] mergedLength = new int[n];
        int chunks = Math.max(1, Math.min(64, n / 256));
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.run(chunks, c -> {
                long[] keys = new long[k];
                for (int i = WorkerPool.chunkStart(n, chunks, c); i < WorkerPool.chunkStart(n, chunks, c + 1); i++) {
                    for (int r = 0; r < k; r++) {
                        keys[r] = ((long) neighbours[i * k + r] << 32) | r;
                    }
                    java.util.Arrays.sort(keys);
                    for (int r = 0; r < k; r++) {
                        ownOrder[i * k + r] = (int) keys[r];
                    }
                    mergedLength[i] = merge(i, k, neighbours, ownOrder, inStart, inSource, conditional, 0, null, null,
                            0);
                }
            });
            int[] rowStart = new int[n + 1];
            for (int i = 0; i < n; i++) {
                rowStart[i + 1] = rowStart[i] + mergedLength[i];
            }
            int[] columns = new int[rowStart[n]];
            double[] values = new double[rowStart[n]];
            double scale = 1.0 / (2.0 * n);
            pool.run(chunks, c -> {
                for (int i = WorkerPool.chunkStart(n, chunks, c); i < WorkerPool.chunkStart(n, chunks, c + 1); i++) {
                    merge(i, k, neighbours, ownOrder, inStart, inSource, conditional, scale, columns, values,
                            rowStart[i]);
                }
            });
            return new SparseAffinities(rowStart, columns, values);
        }
    }

    /**
     * Merges row i's own entries (by column) with its incoming ones (by source row); writes
     * {@code (p_j|i + p_i|j) * scale} from {@code out} on when {@code columns} is given. Returns the merged length.
     */
    private static int merge(int i, int k, int[] neighbours, int[] ownOrder, int[] inStart, int[] inSource,
                             double[] conditional, double scale, int[] columns, double[] values, int out) {
        int a = 0;
        int b = inStart[i];
        int bEnd = inStart[i + 1];
        int written = 0;
        while (a < k || b < bEnd) {
            int ownColumn = a < k ? neighbours[i * k + ownOrder[i * k + a]] : Integer.MAX_VALUE;
            int inColumn = b < bEnd ? inSource[b] / k : Integer.MAX_VALUE;
            int column = Math.min(ownColumn, inColumn);
            double v = 0;
            if (ownColumn == column) {
                v += conditional[i * k + ownOrder[i * k + a++]];
            }
            if (inColumn == column) {
                v += conditional[inSource[b++]];
            }
            if (columns != null) {
                columns[out + written] = column;
                values[out + written] = v * scale;
            }
            written++;
        }
        return written;
    }
}
