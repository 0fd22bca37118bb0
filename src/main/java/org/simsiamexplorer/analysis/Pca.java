package org.simsiamexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

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
                basis = multiplyTransposed(multiply(basis, l), l);
                orthonormalizeColumns(basis, d, l);
            }
        }
        double[][] projected = multiply(basis, l); // n rows of l
        double[] gram = gram(projected, l);
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
        PcaResult result = new PcaResult(mean, components, d, variance, totalVariance());
        return new Fitted(result, rotate(projected, rotation, k));
    }

    /** Rows of {@code projected} (length l) times an {@code l x k} matrix, as floats. */
    private FeatureMatrix rotate(double[][] projected, double[] rotation, int k) {
        int n = projected.length;
        int l = rotation.length / k;
        double[][] rows = rows(rotation, l, k);
        float[] out = new float[n * k];
        int chunks = (n + ROW_CHUNK - 1) / ROW_CHUNK;
        pool.run(chunks, c -> {
            double[] acc = new double[k];
            for (int i = c * ROW_CHUNK; i < Math.min(n, (c + 1) * ROW_CHUNK); i++) {
                java.util.Arrays.fill(acc, 0);
                double[] p = projected[i];
                for (int j = 0; j < l; j++) {
                    double pj = p[j];
                    double[] r = rows[j];
                    for (int a = 0; a < k; a++) {
                        acc[a] += pj * r[a];
                    }
                }
                for (int a = 0; a < k; a++) {
                    out[i * k + a] = (float) acc[a];
                }
            }
        });
        return new FeatureMatrix(out, n, k);
    }

    private double[] columnMeans() {
        int d = x.cols();
        List<double[]> partial = reduceRows(() -> new double[d], (from, to, acc) -> {
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
        List<double[]> partial = reduceRows(() -> new double[d], (from, to, acc) -> {
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

    /**
     * (X - mean) * B for a {@code d x l} matrix B: {@code n} rows of length l. Four rows of X at a time against
     * one row of B per dimension; every array in the inner loop is indexed by the loop variable alone, which C2
     * needs before it vectorises (a shared offset into one flat array keeps it scalar, ~3x slower).
     */
    private double[][] multiply(double[] b, int l) {
        int n = x.rows();
        int d = x.cols();
        double[][] bRows = rows(b, d, l);
        double[] meanB = new double[l];
        for (int t = 0; t < d; t++) {
            for (int j = 0; j < l; j++) {
                meanB[j] += mean[t] * b[t * l + j];
            }
        }
        double[][] out = new double[n][];
        int chunks = (n + ROW_CHUNK - 1) / ROW_CHUNK;
        pool.run(chunks, c -> {
            cancel.throwIfCancelled();
            float[] v = x.values();
            int to = Math.min(n, (c + 1) * ROW_CHUNK);
            for (int i = c * ROW_CHUNK; i < to; i += 4) {
                int last = Math.min(4, to - i) - 1;
                double[] a0 = new double[l];
                double[] a1 = new double[l];
                double[] a2 = new double[l];
                double[] a3 = new double[l];
                int r0 = i * d;
                int r1 = (i + Math.min(1, last)) * d;
                int r2 = (i + Math.min(2, last)) * d;
                int r3 = (i + Math.min(3, last)) * d;
                for (int t = 0; t < d; t++) {
                    double x0 = v[r0 + t];
                    double x1 = v[r1 + t];
                    double x2 = v[r2 + t];
                    double x3 = v[r3 + t];
                    double[] bt = bRows[t];
                    for (int j = 0; j < l; j++) {
                        double bj = bt[j];
                        a0[j] += x0 * bj;
                        a1[j] += x1 * bj;
                        a2[j] += x2 * bj;
                        a3[j] += x3 * bj;
                    }
                }
                double[][] tile = {a0, a1, a2, a3};
                for (int q = 0; q <= last; q++) {
                    double[] row = tile[q];
                    for (int j = 0; j < l; j++) {
                        row[j] -= meanB[j];
                    }
                    out[i + q] = row;
                }
            }
        });
        return out;
    }

    /** (X - mean)^T * Y for n rows Y of length l: a {@code d x l} matrix. */
    private double[] multiplyTransposed(double[][] y, int l) {
        int d = x.cols();
        List<double[][]> partial = reduceRows(() -> new double[d + 1][l], (from, to, acc) -> {
            float[] v = x.values();
            double[] ySum = acc[d];
            int i = from;
            for (; i + 4 <= to; i += 4) {
                double[] y0 = y[i];
                double[] y1 = y[i + 1];
                double[] y2 = y[i + 2];
                double[] y3 = y[i + 3];
                for (int t = 0; t < d; t++) {
                    double x0 = v[i * d + t];
                    double x1 = v[(i + 1) * d + t];
                    double x2 = v[(i + 2) * d + t];
                    double x3 = v[(i + 3) * d + t];
                    double[] at = acc[t];
                    for (int j = 0; j < l; j++) {
                        at[j] += x0 * y0[j] + x1 * y1[j] + x2 * y2[j] + x3 * y3[j];
                    }
                }
                for (int j = 0; j < l; j++) {
                    ySum[j] += y0[j] + y1[j] + y2[j] + y3[j];
                }
            }
            for (; i < to; i++) {
                double[] yi = y[i];
                for (int t = 0; t < d; t++) {
                    double xv = v[i * d + t];
                    double[] at = acc[t];
                    for (int j = 0; j < l; j++) {
                        at[j] += xv * yi[j];
                    }
                }
                for (int j = 0; j < l; j++) {
                    ySum[j] += yi[j];
                }
            }
        });
        double[] out = new double[d * l];
        for (double[][] p : partial) {
            for (int t = 0; t < d; t++) {
                for (int j = 0; j < l; j++) {
                    out[t * l + j] += p[t][j];
                }
            }
        }
        double[] ySum = new double[l];
        for (double[][] p : partial) {
            for (int j = 0; j < l; j++) {
                ySum[j] += p[d][j];
            }
        }
        for (int t = 0; t < d; t++) {
            for (int j = 0; j < l; j++) {
                out[t * l + j] -= mean[t] * ySum[j];
            }
        }
        return out;
    }

    /** Y^T Y for n rows Y of length l. */
    private double[] gram(double[][] y, int l) {
        List<double[][]> partial = reduceRows(() -> new double[l][l], (from, to, acc) -> {
            for (int i = from; i < to; i++) {
                double[] yi = y[i];
                for (int a = 0; a < l; a++) {
                    double ya = yi[a];
                    double[] row = acc[a];
                    for (int b = 0; b < l; b++) {
                        row[b] += ya * yi[b];
                    }
                }
            }
        });
        double[] sum = new double[l * l];
        for (double[][] p : partial) {
            for (int a = 0; a < l; a++) {
                for (int b = 0; b < l; b++) {
                    sum[a * l + b] += p[a][b];
                }
            }
        }
        return sum;
    }

    /** A row-major {@code rows x cols} matrix as one array per row. */
    static double[][] rows(double[] m, int rows, int cols) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(m, r * cols, (r + 1) * cols);
        }
        return out;
    }

    private interface RowReduction<A> {
        void accumulate(int from, int to, A acc);
    }

    /** Runs a row reduction on a fixed number of row ranges, so sums do not depend on the thread count. */
    private <A> List<A> reduceRows(Supplier<A> accumulator, RowReduction<A> reduction) {
        int n = x.rows();
        int chunks = Math.min(REDUCTION_CHUNKS, n);
        List<A> partial = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            partial.add(accumulator.get());
        }
        pool.run(chunks, c -> {
            int from = WorkerPool.chunkStart(n, chunks, c);
            int to = WorkerPool.chunkStart(n, chunks, c + 1);
            for (int s = from; s < to; s += ROW_CHUNK) {
                cancel.throwIfCancelled();
                reduction.accumulate(s, Math.min(to, s + ROW_CHUNK), partial.get(c));
            }
        });
        return partial;
    }

    private static double[] sumInOrder(List<double[]> partial, int size) {
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
