package org.simsiamexplorer.analysis;

/**
 * Two-dimensional FFTs of {@code m x m} complex grids stored one array per row (real and imaginary parts apart),
 * for convolutions: a forward transform is {@link Fft#forward} along the row index (vectorised over columns), a
 * transpose, and {@link Fft#forward} again, so a spectrum comes out transposed and bit-reversed along both axes.
 * That is fine for pointwise products and sums between spectra made the same way, and {@link #inverse} undoes it.
 * Single-threaded on purpose: split into column strips over two threads, these ~0.1 ms passes ran several times
 * slower than on one (threads writing neighbouring parts of the same cache lines, pool hand-offs per pass).
 */
final class Grid2d {
    private static final int TILE = 32;

    private Grid2d() {
    }

    /** Forward transform of grids given as (re, im) pairs; columns >= {@code filledCols} must be zero. */
    static void forward(Fft fft, int filledCols, double[][]... pairs) {
        int m = fft.size();
        for (int g = 0; g < pairs.length; g += 2) {
            fft.forward(pairs[g], pairs[g + 1], 0, filledCols);
            transpose(m, pairs[g], pairs[g + 1]);
            fft.forward(pairs[g], pairs[g + 1], 0, m);
        }
    }

    /** Inverse (unscaled) of {@link #forward}; afterwards only columns below {@code neededCols} are valid. */
    static void inverse(Fft fft, int neededCols, double[][]... pairs) {
        int m = fft.size();
        for (int g = 0; g < pairs.length; g += 2) {
            fft.inverse(pairs[g], pairs[g + 1], 0, m);
            transpose(m, pairs[g], pairs[g + 1]);
            fft.inverse(pairs[g], pairs[g + 1], 0, neededCols);
        }
    }

    /** In-place transpose of square {@code m x m} grids, tile by tile (cache friendly). */
    static void transpose(int m, double[][]... grids) {
        for (double[][] g : grids) {
            for (int r0 = 0; r0 < m; r0 += TILE) {
                for (int c0 = r0; c0 < m; c0 += TILE) {
                    for (int r = r0; r < Math.min(m, r0 + TILE); r++) {
                        double[] row = g[r];
                        for (int c = Math.max(c0, r + 1); c < Math.min(m, c0 + TILE); c++) {
                            double t = row[c];
                            row[c] = g[c][r];
                            g[c][r] = t;
                        }
                    }
                }
            }
        }
    }
}
