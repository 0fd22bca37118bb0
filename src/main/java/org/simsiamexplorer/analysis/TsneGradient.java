package org.simsiamexplorer.analysis;

/**
 * The t-SNE gradient in the bhtsne / FIt-SNE convention (without the factor 4):
 * {@code g_i = exaggeration * sum_j p_ij w_ij (y_i - y_j) - sum_j w_ij^2 (y_i - y_j) / Z},
 * {@code w_ij = 1 / (1 + |y_i - y_j|^2)}, {@code Z = sum_{i != j} w_ij}. Layouts are interleaved {@code x0,y0,x1,y1,...}.
 */
final class TsneGradient {
    private final SparseAffinities p;
    private final WorkerPool pool;
    private final RepulsionMethod method;
    private final FftRepulsion fft;
    private final CancellationToken cancel;
    private double[] repulsion = new double[0];
    private double[] attraction = new double[0];
    private double lastZ = Double.NaN;

    TsneGradient(SparseAffinities p, TsneConfig config, WorkerPool pool, CancellationToken cancel) {
        this.p = p;
        this.pool = pool;
        this.method = config.repulsion();
        this.cancel = cancel;
        this.fft = new FftRepulsion(config.interpolationPoints(), config.minIntervals(), config.maxIntervalWidth(),
                config.maxIntervals());
    }

    /**
     * Writes the gradient into {@code gradient} (length 2n) and returns Z. With FFT repulsion, one pool call
     * runs the whole repulsion (single-threaded, see {@link Grid2d}) as task 0 beside the chunks of attractive
     * forces: one thread interpolates and transforms while the others, and then it too, work through the sparse
     * rows. At n = 10,000 the two halves are ~1.3 and ~2 CPU-ms per iteration.
     */
    double compute(double[] y, double exaggeration, double[] gradient) {
        int n = p.rows();
        if (repulsion.length != 2 * n) {
            repulsion = new double[2 * n];
            attraction = new double[2 * n];
        }
        int chunks = Math.max(1, Math.min(32, n / 256));
        double z;
        if (method == RepulsionMethod.EXACT) {
            z = exactRepulsion(y, n, repulsion);
            cancel.throwIfCancelled();
            pool.run(chunks, c -> attract(y, WorkerPool.chunkStart(n, chunks, c), WorkerPool.chunkStart(n, chunks, c + 1)));
        } else {
            double[] fftZ = new double[1];
            pool.run(chunks + 1, t -> {
                if (t == 0) {
                    fftZ[0] = fft.compute(y, n, repulsion, cancel);
                } else {
                    attract(y, WorkerPool.chunkStart(n, chunks, t - 1), WorkerPool.chunkStart(n, chunks, t));
                }
            });
            z = fftZ[0];
        }
        cancel.throwIfCancelled();
        double invZ = 1 / z;
        for (int i = 0; i < 2 * n; i++) {
            gradient[i] = exaggeration * attraction[i] - repulsion[i] * invZ;
        }
        lastZ = z;
        return z;
    }

    /** {@code sum_j p_ij w_ij (y_i - y_j)} for rows [from, to) into {@link #attraction}. */
    private void attract(double[] y, int from, int to) {
        int[] rowStart = p.rowStart();
        int[] columns = p.columns();
        double[] values = p.values();
        for (int i = from; i < to; i++) {
            double xi = y[2 * i];
            double yi = y[2 * i + 1];
            double fx = 0;
            double fy = 0;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int j = columns[e];
                double dx = xi - y[2 * j];
                double dy = yi - y[2 * j + 1];
                double pw = values[e] / (1 + dx * dx + dy * dy);
                fx += pw * dx;
                fy += pw * dy;
            }
            attraction[2 * i] = fx;
            attraction[2 * i + 1] = fy;
        }
    }

    /** KL(P || Q) for the layout of the last {@link #compute} call (uses its Z), on the pool. */
    double klDivergence(double[] y) {
        int n = p.rows();
        int chunks = Math.max(1, Math.min(16, n / 512));
        double[] partial = new double[chunks];
        double z = lastZ;
        pool.run(chunks, c -> partial[c] = klTerms(p, y, z, WorkerPool.chunkStart(n, chunks, c),
                WorkerPool.chunkStart(n, chunks, c + 1)));
        double sum = 0;
        for (double v : partial) {
            sum += v;
        }
        return sum;
    }

    /**
     * KL(P || Q) of a copy of the layout, computed when first asked for (on the asking thread), with the Z of the
     * last {@link #compute} call.
     */
    java.util.function.DoubleSupplier lazyKlDivergence(FeatureMatrix layout) {
        SparseAffinities affinities = p;
        double z = lastZ;
        return () -> {
            float[] v = layout.values();
            double[] y = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                y[i] = v[i];
            }
            return klTerms(affinities, y, z, 0, affinities.rows());
        };
    }

    /** {@code sum p_ij log(p_ij / q_ij)} over rows [from, to), with {@code p/q = p (1 + d^2) Z}: one log each. */
    private static double klTerms(SparseAffinities p, double[] y, double z, int from, int to) {
        int[] rowStart = p.rowStart();
        int[] columns = p.columns();
        double[] values = p.values();
        double sum = 0;
        for (int i = from; i < to; i++) {
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                double pij = values[e];
                if (pij > 0) {
                    int j = columns[e];
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    sum += pij * Math.log(pij * (1 + dx * dx + dy * dy) * z);
                }
            }
        }
        return sum;
    }

    /** All pairs: writes {@code sum_j w_ij^2 (y_i - y_j)} and returns Z. */
    double exactRepulsion(double[] y, int n, double[] out) {
        int chunks = Math.max(1, Math.min(8 * pool.threads(), n / 64));
        double[] partialZ = new double[chunks];
        pool.run(chunks, c -> {
            cancel.throwIfCancelled();
            double zSum = 0;
            for (int i = WorkerPool.chunkStart(n, chunks, c); i < WorkerPool.chunkStart(n, chunks, c + 1); i++) {
                double fx = 0;
                double fy = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double dx = y[2 * i] - y[2 * j];
                        double dy = y[2 * i + 1] - y[2 * j + 1];
                        double w = 1 / (1 + dx * dx + dy * dy);
                        zSum += w;
                        fx += w * w * dx;
                        fy += w * w * dy;
                    }
                }
                out[2 * i] = fx;
                out[2 * i + 1] = fy;
            }
            partialZ[c] = zSum;
        });
        double z = 0;
        for (double v : partialZ) {
            z += v;
        }
        return z;
    }
}
