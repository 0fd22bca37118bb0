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
    private static final int ROW_CHUNK = 512;
    private static final int REDUCTION_CHUNKS = 16;

    private final FeatureMatrix x;
    private final PcaConfig config;
    private final CancellationToken cancel;
    private final WorkerPool pool;
    private final double[] mean;

    private Pca(FeatureMatrix x, PcaConfig config, CancellationToken cancel, WorkerPool pool) {
        this.x = x;
        this.config = config;
        this.cancel = cancel;
        this.pool = pool;
        this.mean = columnMeans();
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

    private PcaResult run() {
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
                basis = multiplyTransposed(multiply(basis, l), l);
                orthonormalizeColumns(basis, d, l);
            }
        }
        double[] projected = multiply(basis, l); // n x l
        double[] gram = gram(projected, l);
        int n = x.rows();
        for (int i = 0; i < gram.length; i++) {
            gram[i] /= (n - 1);
        }
        SymmetricEigen eigen = SymmetricEigen.of(gram, l);
        int k = config.components();
        double[] components = new double[k * d];
        double[] variance = new double[k];
        for (int c = 0; c < k; c++) {
            variance[c] = Math.max(0, eigen.values[c]);
            for (int t = 0; t < d; t++) {
                double s = 0;
                for (int j = 0; j < l; j++) {
                    s += basis[t * l + j] * eigen.vectors[j * l + c];
                }
                components[c * d + t] = s;
            }
            fixSign(components, c * d, d);
        }
        return new PcaResult(mean, components, d, variance, totalVariance());
    }

    private double[] columnMeans() {
        int d = x.cols();
        double[][] partial = reduceRows(d, (from, to, acc) -> {
            float[] v = x.values();
            for (int i = from; i < to; i++) {
                for (int t = 0; t < d; t++) {
                    acc[t] += v[i * d + t];
                }
            }
        });
        double[] m = sumInOrder(partial, d);
        for (int t = 0; t < d; t++) {
            m[t] /= x.rows();
        }
        return m;
    }

    private double totalVariance() {
        int d = x.cols();
        double[][] partial = reduceRows(d, (from, to, acc) -> {
            float[] v = x.values();
            for (int i = from; i < to; i++) {
                for (int t = 0; t < d; t++) {
                    double c = v[i * d + t] - mean[t];
                    acc[t] += c * c;
                }
            }
        });
        double total = 0;
        for (double s : sumInOrder(partial, d)) {
            total += s;
        }
        return total / (x.rows() - 1);
    }

    /** (X - mean) * B for a {@code d x l} matrix B: an {@code n x l} matrix. */
    private double[] multiply(double[] b, int l) {
        int n = x.rows();
        int d = x.cols();
        double[] meanB = new double[l];
        for (int t = 0; t < d; t++) {
            for (int j = 0; j < l; j++) {
                meanB[j] += mean[t] * b[t * l + j];
            }
        }
        double[] out = new double[n * l];
        int chunks = (n + ROW_CHUNK - 1) / ROW_CHUNK;
        pool.run(chunks, c -> {
            cancel.throwIfCancelled();
            float[] v = x.values();
            int to = Math.min(n, (c + 1) * ROW_CHUNK);
            for (int i = c * ROW_CHUNK; i < to; i++) {
                int o = i * l;
                for (int t = 0; t < d; t++) {
                    double xv = v[i * d + t];
                    int base = t * l;
                    for (int j = 0; j < l; j++) {
                        out[o + j] += xv * b[base + j];
                    }
                }
                for (int j = 0; j < l; j++) {
                    out[o + j] -= meanB[j];
                }
            }
        });
        return out;
    }

    /** (X - mean)^T * Y for an {@code n x l} matrix Y: a {@code d x l} matrix. */
    private double[] multiplyTransposed(double[] y, int l) {
        int d = x.cols();
        double[][] partial = reduceRows(d * l + l, (from, to, acc) -> {
            float[] v = x.values();
            for (int i = from; i < to; i++) {
                int yo = i * l;
                for (int t = 0; t < d; t++) {
                    double xv = v[i * d + t];
                    int base = t * l;
                    for (int j = 0; j < l; j++) {
                        acc[base + j] += xv * y[yo + j];
                    }
                }
                for (int j = 0; j < l; j++) {
                    acc[d * l + j] += y[yo + j];
                }
            }
        });
        double[] sum = sumInOrder(partial, d * l + l);
        double[] out = new double[d * l];
        for (int t = 0; t < d; t++) {
            for (int j = 0; j < l; j++) {
                out[t * l + j] = sum[t * l + j] - mean[t] * sum[d * l + j];
            }
        }
        return out;
    }

    /** Y^T Y for an {@code n x l} matrix Y. */
    private double[] gram(double[] y, int l) {
        double[][] partial = reduceRows(l * l, (from, to, acc) -> {
            for (int i = from; i < to; i++) {
                int o = i * l;
                for (int a = 0; a < l; a++) {
                    double ya = y[o + a];
                    for (int b = 0; b < l; b++) {
                        acc[a * l + b] += ya * y[o + b];
                    }
                }
            }
        });
        return sumInOrder(partial, l * l);
    }

    private interface RowReduction {
        void accumulate(int from, int to, double[] acc);
    }

    /** Runs a row reduction on a fixed number of row ranges, so sums do not depend on the thread count. */
    private double[][] reduceRows(int size, RowReduction reduction) {
        int n = x.rows();
        int chunks = Math.min(REDUCTION_CHUNKS, n);
        double[][] partial = new double[chunks][size];
        pool.run(chunks, c -> {
            int from = WorkerPool.chunkStart(n, chunks, c);
            int to = WorkerPool.chunkStart(n, chunks, c + 1);
            for (int s = from; s < to; s += ROW_CHUNK) {
                cancel.throwIfCancelled();
                reduction.accumulate(s, Math.min(to, s + ROW_CHUNK), partial[c]);
            }
        });
        return partial;
    }

    private static double[] sumInOrder(double[][] partial, int size) {
        double[] sum = new double[size];
        for (double[] p : partial) {
            for (int i = 0; i < size; i++) {
                sum[i] += p[i];
            }
        }
        return sum;
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

    private static void fixSign(double[] v, int offset, int length) {
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
        }
    }
}
