package org.simsiamexplorer.analysis;

/**
 * Two-dimensional FFTs of {@code m x m} complex grids stored one array per row (real and imaginary parts apart),
 * for convolutions: a forward transform is {@link Fft#forward} along the row index in column strips, a transpose,
 * and {@link Fft#forward} again, so a spectrum comes out transposed and bit-reversed along both axes. That is
 * fine for pointwise products and sums between spectra made the same way, and {@link #inverse} undoes it.
 * The columns are cut into one strip per thread: a butterfly's loop over a strip costs a fixed overhead, and
 * measured at m = 256 one full-width pass takes 0.12 ms, in strips of 128 columns 0.15 ms, of 32 columns 0.25 ms
 * (a strip of 128 x 256 rows x 2 parts x 8 bytes = 512 KB still fits a core's L2).
 */
final class Grid2d {
    private static final int TILE = 32;

    private Grid2d() {
    }

    /** Forward transform of grids given as (re, im) pairs; columns >= {@code filledCols} must be zero. */
    static void forward(Fft fft, WorkerPool pool, int filledCols, double[][]... pairs) {
        int m = fft.size();
        strips(pool, filledCols, (from, to) -> {
            for (int g = 0; g < pairs.length; g += 2) {
                fft.forward(pairs[g], pairs[g + 1], from, to);
            }
        });
        transpose(pool, m, pairs);
        strips(pool, m, (from, to) -> {
            for (int g = 0; g < pairs.length; g += 2) {
                fft.forward(pairs[g], pairs[g + 1], from, to);
            }
        });
    }

    /**
     * Inverse (unscaled) of {@link #forward}; afterwards only columns below {@code neededCols} are valid (all rows
     * are computed).
     */
    static void inverse(Fft fft, WorkerPool pool, int neededCols, double[][]... pairs) {
        int m = fft.size();
        strips(pool, m, (from, to) -> {
            for (int g = 0; g < pairs.length; g += 2) {
                fft.inverse(pairs[g], pairs[g + 1], from, to);
            }
        });
        transpose(pool, m, pairs);
        strips(pool, neededCols, (from, to) -> {
            for (int g = 0; g < pairs.length; g += 2) {
                fft.inverse(pairs[g], pairs[g + 1], from, to);
            }
        });
    }

    interface StripTask {
        void run(int from, int to);
    }

    /** Runs {@code task} on {@link #stripCount} column strips covering [0, cols), on the pool. */
    static void strips(WorkerPool pool, int cols, StripTask task) {
        int count = stripCount(pool, cols);
        pool.run(count, s -> task.run(stripStart(cols, count, s), stripStart(cols, count, s + 1)));
    }

    /** One strip per thread, each at least 16 columns wide. */
    static int stripCount(WorkerPool pool, int cols) {
        return Math.max(1, Math.min(pool.threads(), cols / 16));
    }

    /** Start of strip {@code s} of {@code count}: a multiple of 8 columns (whole vectors), the last ends at cols. */
    static int stripStart(int cols, int count, int s) {
        return s == count ? cols : (int) ((long) cols * s / count) & ~7;
    }

    /** In-place transpose of square {@code m x m} grids, in tiles, tile rows spread over the pool. */
    static void transpose(WorkerPool pool, int m, double[][]... grids) {
        int tiles = (m + TILE - 1) / TILE;
        pool.run(tiles, ti -> {
            int r0 = ti * TILE;
            int r1 = Math.min(m, r0 + TILE);
            for (double[][] g : grids) {
                for (int tj = ti; tj < tiles; tj++) {
                    int c0 = tj * TILE;
                    int c1 = Math.min(m, c0 + TILE);
                    for (int r = r0; r < r1; r++) {
                        double[] row = g[r];
                        for (int c = Math.max(c0, r + 1); c < c1; c++) {
                            double t = row[c];
                            row[c] = g[c][r];
                            g[c][r] = t;
                        }
                    }
                }
            }
        });
    }
}
