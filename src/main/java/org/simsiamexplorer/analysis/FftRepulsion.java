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
 * to a power of 1.02 so that consecutive iterations usually share them. Single-threaded (see {@link Grid2d});
 * {@link TsneGradient} runs it beside the attractive forces.
 */
final class FftRepulsion {
    private static final double SPREAD_QUANTUM = Math.log(1.02);

    private final int pointsPerInterval;
    private final int minIntervals;
    private final double maxIntervalWidth;
    private final int maxIntervals;
    /** Node positions within an interval, (a + 0.5) / p, and the reciprocals of the Lagrange denominators. */
    private final double[] nodePositions;
    private final double[] inverseDenominators;
    private int gridSize;
    private Fft fft;
    private double[][] gridRe;
    private double[][] gridIm;
    private double[][] zKernel;
    private double[][] forceKernelRe;
    private double[][] forceKernelIm;
    private long cachedKernelKey = Long.MIN_VALUE;
    private int[] baseX;
    private int[] baseY;
    private double[] wx;
    private double[] wy;

    FftRepulsion(int pointsPerInterval, int minIntervals, double maxIntervalWidth, int maxIntervals) {
        this.maxIntervals = maxIntervals;
        this.pointsPerInterval = pointsPerInterval;
        this.minIntervals = minIntervals;
        this.maxIntervalWidth = maxIntervalWidth;
        nodePositions = new double[pointsPerInterval];
        inverseDenominators = new double[pointsPerInterval];
        for (int a = 0; a < pointsPerInterval; a++) {
            nodePositions[a] = (a + 0.5) / pointsPerInterval;
            double den = 1;
            for (int b = 0; b < pointsPerInterval; b++) {
                if (b != a) {
                    den *= (a - b) / (double) pointsPerInterval;
                }
            }
            inverseDenominators[a] = 1 / den;
        }
    }

    /** Writes {@code sum_j w_ij^2 (y_i - y_j)} into {@code repulsion} (length 2n) and returns Z. */
    double compute(double[] y, int n, double[] repulsion, CancellationToken cancel) {
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
            computeKernelSpectra(m, nodes, width / p);
            cachedKernelKey = key;
        }

        // interpolation weights and base node of every point; unit charges spread onto the grid
        prepareBuffers(n);
        int[] baseX = this.baseX;
        int[] baseY = this.baseY;
        double[] wx = this.wx;
        double[] wy = this.wy;
        double invWidth = 1 / width;
        for (int r = 0; r < m; r++) {
            java.util.Arrays.fill(gridRe[r], 0);
            java.util.Arrays.fill(gridIm[r], 0);
        }
        for (int i = 0; i < n; i++) {
            double fx = (y[2 * i] - lowX) * invWidth;
            double fy = (y[2 * i + 1] - lowY) * invWidth;
            int bx = Math.min(intervals - 1, Math.max(0, (int) fx));
            int by = Math.min(intervals - 1, Math.max(0, (int) fy));
            baseX[i] = bx * p;
            baseY[i] = by * p;
            lagrange(fx - bx, wx, i * p);
            lagrange(fy - by, wy, i * p);
            for (int a = 0; a < p; a++) {
                double[] row = gridRe[baseX[i] + a];
                double ax = wx[i * p + a];
                for (int b = 0; b < p; b++) {
                    row[baseY[i] + b] += ax * wy[i * p + b];
                }
            }
        }
        cancel.throwIfCancelled();

        Grid2d.forward(fft, nodes, gridRe, gridIm);
        double zSum = multiplyByKernels();
        cancel.throwIfCancelled();
        Grid2d.inverse(fft, nodes, gridRe, gridIm);
        cancel.throwIfCancelled();
        double scale = 1.0 / ((double) m * m);

        for (int i = 0; i < n; i++) {
            double fx = 0;
            double fy = 0;
            for (int a = 0; a < p; a++) {
                double[] rowRe = gridRe[baseX[i] + a];
                double[] rowIm = gridIm[baseX[i] + a];
                double ax = wx[i * p + a];
                for (int b = 0; b < p; b++) {
                    double w = ax * wy[i * p + b];
                    fx += w * rowRe[baseY[i] + b];
                    fy += w * rowIm[baseY[i] + b];
                }
            }
            repulsion[2 * i] = fx * scale;
            repulsion[2 * i + 1] = fy * scale;
        }
        return zSum * scale - n; // remove the self terms w_ii = 1 (their interpolation error is negligible)
    }

    /**
     * Over the (transposed) spectrum: adds up {@code |G|^2 K_z} (Parseval: {@code G^T (K * G)}, K even so its
     * spectrum is real) and replaces G by {@code G * K_force}.
     */
    private double multiplyByKernels() {
        int m = gridSize;
        double[] zColumns = new double[m]; // per-column sums keep the row loop free of a reduction (vectorises)
        for (int r = 0; r < m; r++) {
            double[] gRe = gridRe[r];
            double[] gIm = gridIm[r];
            double[] kz = zKernel[r];
            double[] kRe = forceKernelRe[r];
            double[] kIm = forceKernelIm[r];
            for (int c = 0; c < m; c++) {
                double gr = gRe[c];
                double gi = gIm[c];
                zColumns[c] += (gr * gr + gi * gi) * kz[c];
                double kr = kRe[c];
                double ki = kIm[c];
                gRe[c] = gr * kr - gi * ki;
                gIm[c] = gr * ki + gi * kr;
            }
        }
        double z = 0;
        for (double v : zColumns) {
            z += v;
        }
        return z;
    }

    /**
     * Lagrange basis values at relative position t in [0, 1] for nodes at (a + 0.5) / p; no divisions (they were
     * an eighth of the repulsion's time when computed here).
     */
    private void lagrange(double t, double[] out, int offset) {
        int p = pointsPerInterval;
        for (int a = 0; a < p; a++) {
            double num = inverseDenominators[a];
            for (int b = 0; b < p; b++) {
                if (b != a) {
                    num *= t - nodePositions[b];
                }
            }
            out[offset + a] = num;
        }
    }

    /** Per-point interpolation state, kept between calls (no allocation per iteration). */
    private void prepareBuffers(int n) {
        int p = pointsPerInterval;
        if (baseX == null || baseX.length != n) {
            baseX = new int[n];
            baseY = new int[n];
            wx = new double[n * p];
            wy = new double[n * p];
        }
    }

    private void prepareGrids(int m) {
        if (m != gridSize) {
            gridSize = m;
            fft = new Fft(m);
            gridRe = new double[m][m];
            gridIm = new double[m][m];
            zKernel = new double[m][m];
            forceKernelRe = new double[m][m];
            forceKernelIm = new double[m][m];
            cachedKernelKey = Long.MIN_VALUE;
        }
    }

    /**
     * Spectra of the circulant embeddings for node offsets -(nodes-1) .. nodes-1: {@code 1/(1+r^2)} for Z (real:
     * the kernel is even), and {@code dx/(1+r^2)^2 + i dy/(1+r^2)^2} for the forces.
     */
    private void computeKernelSpectra(int m, int nodes, double spacing) {
        double[][] zIm = gridIm; // free scratch here: the charge grid is built after this
        for (int r = 0; r < m; r++) {
            java.util.Arrays.fill(zIm[r], 0);
            kernelRow(r, m, nodes, spacing);
        }
        Grid2d.forward(fft, m, zKernel, zIm, forceKernelRe, forceKernelIm);
    }

    /** Row r of the circulant kernel grids (zero where no node offset maps). */
    private void kernelRow(int r, int m, int nodes, double spacing) {
        int ix = r < nodes ? r : (r > m - nodes ? r - m : Integer.MIN_VALUE);
        double[] z = zKernel[r];
        double[] fx = forceKernelRe[r];
        double[] fy = forceKernelIm[r];
        for (int s = 0; s < m; s++) {
            int iy = s < nodes ? s : (s > m - nodes ? s - m : Integer.MIN_VALUE);
            if (ix == Integer.MIN_VALUE || iy == Integer.MIN_VALUE) {
                z[s] = 0;
                fx[s] = 0;
                fy[s] = 0;
            } else {
                double dx = ix * spacing;
                double dy = iy * spacing;
                double w = 1 / (1 + dx * dx + dy * dy);
                z[s] = w;
                fx[s] = dx * w * w;
                fy[s] = dy * w * w;
            }
        }
    }
}
