package org.simsiamexplorer.analysis;

/**
 * Exact k-nearest-neighbour search by blocked dot products on several threads. Distances come from
 * {@code |q|^2 + |r|^2 - 2 q.r} (Euclidean) or {@code 1 - q.r} on unit rows (cosine); blocks of references are
 * transposed so the inner loop runs over references and the JIT can vectorise it.
 * Results are deterministic: every query sees the references in the same order whatever the thread count.
 */
public final class KnnSearch {
    static final int REFERENCE_BLOCK = 256;
    private static final int QUERY_BLOCK = 32;

    private KnnSearch() {
    }

    /** The k nearest other points of every point of {@code points} (a point is never its own neighbour). */
    public static KnnGraph graph(FeatureMatrix points, int k, DistanceMetric metric, int threads,
                                 CancellationToken cancel) {
        return search(points, points, k, metric, true, threads, cancel);
    }

    /** The k nearest other points, using all available processors and no cancellation. */
    public static KnnGraph graph(FeatureMatrix points, int k, DistanceMetric metric) {
        return graph(points, k, metric, WorkerPool.defaultThreads(), CancellationToken.NONE);
    }

    /** The k nearest references of every query; queries and references are different sets. */
    public static KnnGraph query(FeatureMatrix queries, FeatureMatrix references, int k, DistanceMetric metric,
                                 int threads, CancellationToken cancel) {
        return search(queries, references, k, metric, false, threads, cancel);
    }

    private static KnnGraph search(FeatureMatrix queries, FeatureMatrix references, int k, DistanceMetric metric,
                                   boolean excludeSelf, int threads, CancellationToken cancel) {
        if (queries.cols() != references.cols()) {
            throw new IllegalArgumentException("queries have " + queries.cols() + " dimensions but references have "
                    + references.cols());
        }
        int available = references.rows() - (excludeSelf ? 1 : 0);
        if (k < 1 || k > available) {
            throw new IllegalArgumentException("cannot find " + k + " neighbours among " + available + " candidates");
        }
        queries.requireFinite("query features");
        if (references != queries) {
            references.requireFinite("reference features");
        }
        FeatureMatrix q = metric == DistanceMetric.COSINE ? queries.normalizedRows() : queries;
        FeatureMatrix r = metric == DistanceMetric.COSINE
                ? (references == queries ? q : references.normalizedRows()) : references;
        float[] queryNorms = squaredNorms(q);
        float[][] blockNorms = blockNorms(r == q ? queryNorms : squaredNorms(r));
        float[][][] blocks = transposedBlocks(r);

        int n = q.rows();
        int[] neighbours = new int[n * k];
        float[] distances = new float[n * k];
        int queryBlocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.run(queryBlocks, b -> {
                cancel.throwIfCancelled();
                int from = b * QUERY_BLOCK;
                int to = Math.min(n, from + QUERY_BLOCK);
                new BlockSearch(q, r, queryNorms, blockNorms, blocks, k, metric, excludeSelf, cancel)
                        .run(from, to, neighbours, distances);
            });
        }
        return new KnnGraph(neighbours, distances, n, k, metric);
    }

    static float[] squaredNorms(FeatureMatrix m) {
        float[] norms = new float[m.rows()];
        int d = m.cols();
        float[] v = m.values();
        for (int i = 0; i < m.rows(); i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += (double) v[i * d + c] * v[i * d + c];
            }
            norms[i] = (float) s;
        }
        return norms;
    }

    /**
     * References in blocks of {@link #REFERENCE_BLOCK}, each stored dimension-major with one array per dimension
     * ({@code blocks[b][dim][j]}), which lets {@link BlockSearch#dotTile} vectorise.
     */
    static float[][][] transposedBlocks(FeatureMatrix r) {
        int d = r.cols();
        int count = (r.rows() + REFERENCE_BLOCK - 1) / REFERENCE_BLOCK;
        float[][][] blocks = new float[count][][];
        float[] v = r.values();
        for (int b = 0; b < count; b++) {
            int from = b * REFERENCE_BLOCK;
            int size = Math.min(REFERENCE_BLOCK, r.rows() - from);
            float[][] block = new float[d][size];
            for (int j = 0; j < size; j++) {
                int src = (from + j) * d;
                for (int t = 0; t < d; t++) {
                    block[t][j] = v[src + t];
                }
            }
            blocks[b] = block;
        }
        return blocks;
    }

    /** Per-row values cut into the blocks of {@link #transposedBlocks}, indexed like a block's columns. */
    static float[][] blockNorms(float[] norms) {
        int count = (norms.length + REFERENCE_BLOCK - 1) / REFERENCE_BLOCK;
        float[][] out = new float[count][];
        for (int b = 0; b < count; b++) {
            int from = b * REFERENCE_BLOCK;
            out[b] = java.util.Arrays.copyOfRange(norms, from, Math.min(norms.length, from + REFERENCE_BLOCK));
        }
        return out;
    }
}
