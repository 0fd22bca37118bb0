package org.simsiamexplorer.analysis;

/**
 * Repulsive t-SNE forces by polynomial interpolation on an equispaced grid and FFT convolution
 * (Linderman et al. 2019, "FIt-SNE"). The square bounding box of the layout is cut into intervals, each with
 * {@code p} equispaced interpolation nodes; unit charges are spread onto the nodes with Lagrange weights.
 * Unlike FIt-SNE's four charges {@code 1, x, y, |y|^2} under one kernel (whose combination cancels badly when
 * the layout is wide), this convolves the single charge grid with the vector kernel
 * {@code d / (1+|d|^2)^2} (x and y packed into one complex transform), which gives
 * {@code sum_j w_ij^2 (y_i - y_j)} directly, and gets {@code Z = G^T K G} with {@code K = 1/(1+|d|^2)} from the
 * spectrum by Parseval, without an inverse transform. The kernel spectra are cached: the box side is rounded up
 * to a power of 1.02 so that consecutive iterations usually share them.
 */
final class FftRepulsion {
    private static final double SPREAD_QUANTUM = Math.log(1.02);

    private final int pointsPerInterval;
    private final int minIntervals;
    private final double maxIntervalWidth;
    private final int maxIntervals;
    private final double[] nodeDenominators;
    private int gridSize;
    private Fft fft;
    private double[] gridRe;
    private double[] gridIm;
    private double[] zKernel;
    private double[] zKernelIm;
    private double[] forceKernelRe;
    private double[] forceKernelIm;
    private long cachedKernelKey = Long.MIN_VALUE;

    FftRepulsion(int pointsPerInterval, int minIntervals, double maxIntervalWidth, int maxIntervals) {
        this.maxIntervals = maxIntervals;
        this.pointsPerInterval = pointsPerInterval;
        this.minIntervals = minIntervals;
        this.maxIntervalWidth = maxIntervalWidth;
        nodeDenominators = new double[pointsPerInterval];
        for (int a = 0; a < pointsPerInterval; a++) {
            double den = 1;
            for (int b = 0; b < pointsPerInterval; b++) {
                if (b != a) {
                    den *= (a - b) / (double) pointsPerInterval;
                }
            }
            nodeDenominators[a] = den;
        }
    }

    /** Writes {@code sum_j w_ij^2 (y_i - y_j)} into {@code repulsion} (length 2n) and returns Z. */
    double compute(double[] y, int n, double[] repulsion, WorkerPool pool, CancellationToken cancel) {
        int p = pointsPerInterval;
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double rawSpread = Math.max(Math.max(maxX - minX, maxY - minY), 1e-12) * (1 + 1e-9);
        long quantum = (long) Math.ceil(Math.log(rawSpread) / SPREAD_QUANTUM);
        double spread = Math.exp(quantum * SPREAD_QUANTUM);
        double lowX = (minX + maxX - spread) / 2;
        double lowY = (minY + maxY - spread) / 2;
        int needed = Math.min(maxIntervals, Math.max(minIntervals, (int) Math.ceil(spread / maxIntervalWidth)));
        int m = Integer.highestOneBit(Math.max(2 * needed * p - 1, 1)) << 1;
        int intervals = m / (2 * p);
        int nodes = intervals * p;
        double width = spread / intervals;
        prepareGrids(m);
        long key = quantum * 64 + Integer.numberOfTrailingZeros(m);
        if (key != cachedKernelKey) {
            fillKernels(m, nodes, width / p);
            Grid2d.forward(fft, pool, m, m, zKernel, zKernelIm, forceKernelRe, forceKernelIm);
            cachedKernelKey = key;
        }

        // interpolation weights and base node of every point; unit charges spread onto the grid
        int[] baseX = new int[n];
        int[] baseY = new int[n];
        double[] wx = new double[n * p];
        double[] wy = new double[n * p];
        int chunks = pool.threads();
        double[][] partial = new double[chunks][];
        pool.run(chunks, c -> {
            double[] grid = new double[nodes * nodes];
            for (int i = WorkerPool.chunkStart(n, chunks, c); i < WorkerPool.chunkStart(n, chunks, c + 1); i++) {
                double fx = (y[2 * i] - lowX) / width;
                double fy = (y[2 * i + 1] - lowY) / width;
                int bx = Math.min(intervals - 1, Math.max(0, (int) fx));
                int by = Math.min(intervals - 1, Math.max(0, (int) fy));
                baseX[i] = bx * p;
                baseY[i] = by * p;
                lagrange(fx - bx, wx, i * p);
                lagrange(fy - by, wy, i * p);
                for (int a = 0; a < p; a++) {
                    int row = (baseX[i] + a) * nodes + baseY[i];
                    double ax = wx[i * p + a];
                    for (int b = 0; b < p; b++) {
                        grid[row + b] += ax * wy[i * p + b];
                    }
                }
            }
            partial[c] = grid;
        });
        cancel.throwIfCancelled();
        java.util.Arrays.fill(gridRe, 0);
        java.util.Arrays.fill(gridIm, 0);
        for (double[] grid : partial) {
            for (int r = 0; r < nodes; r++) {
                for (int s = 0; s < nodes; s++) {
                    gridRe[r * m + s] += grid[r * nodes + s];
                }
            }
        }
        Grid2d.forward(fft, pool, m, nodes, gridRe, gridIm);
        cancel.throwIfCancelled();
        double zSum = 0;
        for (int t = 0; t < m * m; t++) {
            double gr = gridRe[t];
            double gi = gridIm[t];
            zSum += (gr * gr + gi * gi) * zKernel[t]; // Parseval: G^T (K * G); K even, so its spectrum is real
            double kr = forceKernelRe[t];
            double ki = forceKernelIm[t];
            gridRe[t] = gr * kr - gi * ki;
            gridIm[t] = gr * ki + gi * kr;
        }
        double scale = 1.0 / ((double) m * m);
        Grid2d.inverse(fft, pool, m, nodes, gridRe, gridIm);
        cancel.throwIfCancelled();

        int gatherChunks = Math.max(1, Math.min(4 * pool.threads(), n / 512 + 1));
        pool.run(gatherChunks, c -> {
            for (int i = WorkerPool.chunkStart(n, gatherChunks, c); i < WorkerPool.chunkStart(n, gatherChunks, c + 1); i++) {
                double fx = 0;
                double fy = 0;
                for (int a = 0; a < p; a++) {
                    int row = (baseX[i] + a) * m + baseY[i];
                    double ax = wx[i * p + a];
                    for (int b = 0; b < p; b++) {
                        double w = ax * wy[i * p + b];
                        fx += w * gridRe[row + b];
                        fy += w * gridIm[row + b];
                    }
                }
                repulsion[2 * i] = fx * scale;
                repulsion[2 * i + 1] = fy * scale;
            }
        });
        return zSum * scale - n; // remove the self terms w_ii = 1 (their interpolation error is negligible)
    }

    /** Lagrange basis values at relative position t in [0, 1] for nodes at (a + 0.5) / p. */
    private void lagrange(double t, double[] out, int offset) {
        int p = pointsPerInterval;
        for (int a = 0; a < p; a++) {
            double num = 1;
            for (int b = 0; b < p; b++) {
                if (b != a) {
                    num *= t - (b + 0.5) / p;
                }
            }
            out[offset + a] = num / nodeDenominators[a];
        }
    }

    private void prepareGrids(int m) {
        if (m != gridSize) {
            gridSize = m;
            fft = new Fft(m);
            gridRe = new double[m * m];
            gridIm = new double[m * m];
            zKernel = new double[m * m];
            zKernelIm = new double[m * m];
            forceKernelRe = new double[m * m];
            forceKernelIm = new double[m * m];
            cachedKernelKey = Long.MIN_VALUE;
        }
    }

    /**
     * Circulant embeddings for node offsets -(nodes-1) .. nodes-1: {@code 1/(1+r^2)} for Z, and
     * {@code dx/(1+r^2)^2 + i dy/(1+r^2)^2} for the forces.
     */
    private void fillKernels(int m, int nodes, double spacing) {
        java.util.Arrays.fill(zKernelIm, 0);
        for (int r = 0; r < m; r++) {
            int ix = r < nodes ? r : (r > m - nodes ? r - m : Integer.MIN_VALUE);
            for (int s = 0; s < m; s++) {
                int iy = s < nodes ? s : (s > m - nodes ? s - m : Integer.MIN_VALUE);
                int t = r * m + s;
                if (ix == Integer.MIN_VALUE || iy == Integer.MIN_VALUE) {
                    zKernel[t] = 0;
                    forceKernelRe[t] = 0;
                    forceKernelIm[t] = 0;
                } else {
                    double dx = ix * spacing;
                    double dy = iy * spacing;
                    double w = 1 / (1 + dx * dx + dy * dy);
                    zKernel[t] = w;
                    forceKernelRe[t] = dx * w * w;
                    forceKernelIm[t] = dy * w * w;
                }
            }
        }
    }
}
