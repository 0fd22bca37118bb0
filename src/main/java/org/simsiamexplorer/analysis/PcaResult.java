package org.simsiamexplorer.analysis;

/**
 * A fitted PCA. {@code components} holds the unit principal axes row by row ({@code componentCount x dimensions}),
 * ordered by decreasing variance; each axis' sign is fixed so that its largest-magnitude entry is positive.
 *
 * @param explainedVariance variance along each axis (sample variance, divided by n - 1)
 * @param totalVariance     sum of the variances of all input dimensions
 */
public record PcaResult(double[] mean, double[] components, int dimensions, double[] explainedVariance,
                        double totalVariance) {

    public int componentCount() {
        return explainedVariance.length;
    }

    /** Share of the total variance along each kept axis. */
    public double[] explainedVarianceRatio() {
        double[] ratio = new double[explainedVariance.length];
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = totalVariance > 0 ? explainedVariance[i] / totalVariance : 0;
        }
        return ratio;
    }

    /** Share of the total variance kept by all axes together. */
    public double totalExplainedVarianceRatio() {
        double sum = 0;
        for (double r : explainedVarianceRatio()) {
            sum += r;
        }
        return sum;
    }

    /** Projects rows onto the kept axes: an {@code n x componentCount} matrix. */
    public FeatureMatrix transform(FeatureMatrix x) {
        return transform(x, 1);
    }

    /** Projects rows onto the kept axes on {@code threads} threads. */
    public FeatureMatrix transform(FeatureMatrix x, int threads) {
        if (x.cols() != dimensions) {
            throw new IllegalArgumentException("PCA was fitted on " + dimensions + " dimensions, got " + x.cols());
        }
        int n = x.rows();
        int d = dimensions;
        int k = componentCount();
        // one array of k components per dimension: the inner loop runs over components, all indexed alike, and
        // vectorises
        double[][] axesByDimension = new double[d][k];
        double[] meanProjection = new double[k];
        for (int c = 0; c < k; c++) {
            for (int t = 0; t < d; t++) {
                axesByDimension[t][c] = components[c * d + t];
                meanProjection[c] += mean[t] * components[c * d + t];
            }
        }
        float[] out = new float[n * k];
        float[] v = x.values();
        int chunks = Math.max(1, Math.min(64, n / 256));
        try (WorkerPool pool = new WorkerPool(threads)) {
            pool.run(chunks, c -> project(v, WorkerPool.chunkStart(n, chunks, c), WorkerPool.chunkStart(n, chunks, c + 1),
                    axesByDimension, meanProjection, out));
        }
        return new FeatureMatrix(out, n, k);
    }

    private void project(float[] v, int from, int to, double[][] axesByDimension, double[] meanProjection, float[] out) {
        int d = dimensions;
        int k = componentCount();
        double[] acc = new double[k];
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(acc, 0);
            for (int t = 0; t < d; t++) {
                double xv = v[i * d + t];
                double[] axes = axesByDimension[t];
                for (int c = 0; c < k; c++) {
                    acc[c] += xv * axes[c];
                }
            }
            for (int c = 0; c < k; c++) {
                out[i * k + c] = (float) (acc[c] - meanProjection[c]);
            }
        }
    }
}
