package org.simsiamexplorer.analysis;

import java.util.Random;

/**
 * Principal component analysis for {@code n >> d}: randomized subspace iteration (Halko, Martinsson, Tropp 2011)
 * on the implicitly centred data, then an exact Rayleigh-Ritz step in that subspace. Cost is a few passes of
 * {@code n x d x (components + oversampling)} multiply-adds instead of the {@code n x d^2} of a covariance matrix.
 * When {@code components + oversampling >= d} the subspace is the whole space and the result is exact.
 * Deterministic for a given seed, whatever the thread count (partial sums are combined in a fixed order).
 */
public final class Pca {
    private final FeatureMatrix x;
    private final PcaConfig config;
    private final CenteredData data;

    private Pca(FeatureMatrix x, PcaConfig config, CancellationToken cancel, WorkerPool pool) {
        this.x = x;
        this.config = config;
        this.data = new CenteredData(x, pool, cancel);
    }

    /** Fits {@code components} axes with the default settings. */
    public static PcaResult fit(FeatureMatrix x, int components) {
        return fit(x, PcaConfig.of(components), CancellationToken.NONE);
    }

    public static PcaResult fit(FeatureMatrix x, PcaConfig config, CancellationToken cancel) {
        if (config.components() > x.cols()) {
            throw new IllegalArgumentException("cannot keep " + config.components() + " components of "
                    + x.cols() + "-dimensional data");
        }
        if (x.rows() < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + x.rows());
        }
        x.requireFinite("PCA input features");
        try (WorkerPool pool = new WorkerPool(config.threads())) {
            return new Pca(x, config, cancel, pool).run();
        }
    }

    /**
     * Fits and also returns the training rows projected onto the axes, computed from the last subspace pass
     * ({@code (X - mean) B V = (X - mean) * axes}), which spares {@link PcaResult#transform} its pass over X.
     * The input must already be known to be finite.
     */
    static Fitted fitAndProject(FeatureMatrix x, PcaConfig config, CancellationToken cancel) {
        if (config.components() > x.cols()) {
            throw new IllegalArgumentException("cannot keep " + config.components() + " components of "
                    + x.cols() + "-dimensional data");
        }
        if (x.rows() < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + x.rows());
        }
        // no finiteness pass here: the caller (Tsne) has just made it over the same input
        try (WorkerPool pool = new WorkerPool(config.threads())) {
            return new Pca(x, config, cancel, pool).fitted();
        }
    }

    /** A fitted PCA and the n x components projection of the rows it was fitted on. */
    record Fitted(PcaResult result, FeatureMatrix projection) {
    }

    private PcaResult run() {
        return fitted().result();
    }

    private Fitted fitted() {
        int d = x.cols();
        int l = Math.min(d, config.components() + config.oversampling());
        double[] basis; // d x l, orthonormal columns
        if (l == d) {
            basis = new double[d * d];
            for (int i = 0; i < d; i++) {
                basis[i * d + i] = 1;
            }
        } else {
            Random random = new Random(config.seed());
            basis = new double[d * l];
            for (int i = 0; i < basis.length; i++) {
                basis[i] = random.nextGaussian();
            }
            orthonormalizeColumns(basis, d, l);
            for (int it = 0; it < config.powerIterations(); it++) {
                basis = data.multiplyTransposed(data.multiply(basis, l), l);
                orthonormalizeColumns(basis, d, l);
            }
        }
        double[][] projected = data.multiply(basis, l); // n rows of l
        double[] gram = data.gram(projected, l);
        int n = x.rows();
        for (int i = 0; i < gram.length; i++) {
            gram[i] /= (n - 1);
        }
        SymmetricEigen eigen = SymmetricEigen.of(gram, l);
        int k = config.components();
        double[] components = new double[k * d];
        double[] variance = new double[k];
        double[] rotation = new double[l * k]; // eigenvectors, signs as fixed on the axes
        for (int c = 0; c < k; c++) {
            variance[c] = Math.max(0, eigen.values[c]);
            for (int t = 0; t < d; t++) {
                double s = 0;
                for (int j = 0; j < l; j++) {
                    s += basis[t * l + j] * eigen.vectors[j * l + c];
                }
                components[c * d + t] = s;
            }
            double sign = fixSign(components, c * d, d);
            for (int j = 0; j < l; j++) {
                rotation[j * k + c] = sign * eigen.vectors[j * l + c];
            }
        }
        PcaResult result = new PcaResult(data.mean(), components, d, variance, data.totalVariance());
        return new Fitted(result, data.rotate(projected, rotation, k));
    }

    /** Modified Gram-Schmidt, twice, on the columns of a row-major {@code rows x cols} matrix. */
    static void orthonormalizeColumns(double[] m, int rows, int cols) {
        Random refill = new Random(rows * 31L + cols);
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < cols; j++) {
                for (int p = 0; p < j; p++) {
                    double dot = 0;
                    for (int r = 0; r < rows; r++) {
                        dot += m[r * cols + p] * m[r * cols + j];
                    }
                    for (int r = 0; r < rows; r++) {
                        m[r * cols + j] -= dot * m[r * cols + p];
                    }
                }
                double norm = 0;
                for (int r = 0; r < rows; r++) {
                    norm += m[r * cols + j] * m[r * cols + j];
                }
                norm = Math.sqrt(norm);
                if (norm < 1e-12) {
                    // the data has lower rank than the subspace: any direction orthogonal to the others will do
                    for (int r = 0; r < rows; r++) {
                        m[r * cols + j] = refill.nextGaussian();
                    }
                    j--;
                    continue;
                }
                for (int r = 0; r < rows; r++) {
                    m[r * cols + j] /= norm;
                }
            }
        }
    }

    /** Flips the axis so its largest-magnitude entry is positive; returns the sign applied. */
    private static double fixSign(double[] v, int offset, int length) {
        int largest = offset;
        for (int i = offset; i < offset + length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[largest])) {
                largest = i;
            }
        }
        if (v[largest] < 0) {
            for (int i = offset; i < offset + length; i++) {
                v[i] = -v[i];
            }
            return -1;
        }
        return 1;
    }
}
