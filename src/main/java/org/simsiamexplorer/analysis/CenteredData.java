package org.simsiamexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Products with the implicitly centred data {@code X - mean} for {@link Pca}, on the pool, in fixed row chunks so
 * sums do not depend on the thread count. Matrices that inner loops run over are held one array per row: C2 only
 * vectorises a loop whose arrays are all indexed by the loop variable alone (a shared offset into one flat array
 * keeps it scalar, ~3x slower).
 */
final class CenteredData {
    private static final int ROW_CHUNK = 512;
    private static final int REDUCTION_CHUNKS = 16;

    private final FeatureMatrix x;
    private final WorkerPool pool;
    private final CancellationToken cancel;
    private final double[] mean;

    CenteredData(FeatureMatrix x, WorkerPool pool, CancellationToken cancel) {
        this.x = x;
        this.pool = pool;
        this.cancel = cancel;
        this.mean = columnMeans();
    }

    double[] mean() {
        return mean;
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

    /** Sum of the sample variances of all columns. */
    double totalVariance() {
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

    /** (X - mean) * B for a {@code d x l} matrix B: {@code n} rows of length l; four rows of X per pass over B. */
    double[][] multiply(double[] b, int l) {
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
    double[] multiplyTransposed(double[][] y, int l) {
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
    double[] gram(double[][] y, int l) {
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

    /** Rows of {@code projected} (length l) times an {@code l x k} matrix, as floats. */
    FeatureMatrix rotate(double[][] projected, double[] rotation, int k) {
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
}
