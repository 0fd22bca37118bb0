package org.simsiamexplorer.analysis;

/**
 * Two-dimensional FFTs of {@code m x m} complex grids (row-major, separate real and imaginary arrays), row and
 * column passes spread over the pool. Only the first {@code filledRows} rows may hold data on the way in, and
 * only the first {@code filledRows} rows and columns are needed on the way out, which skips a quarter of the work.
 */
final class Grid2d {
    private Grid2d() {
    }

    /** Forward transform of one or more grids given as (re, im) pairs; rows >= filledRows must be zero. */
    static void forward(Fft fft, WorkerPool pool, int m, int filledRows, double[]... pairs) {
        rows(fft, pool, m, filledRows, m, false, pairs);
        columns(fft, pool, m, m, false, pairs);
    }

    /** Inverse transform (unscaled) of grids; afterwards only rows and columns below {@code neededRows} are valid. */
    static void inverse(Fft fft, WorkerPool pool, int m, int neededRows, double[]... pairs) {
        columns(fft, pool, m, neededRows, true, pairs);
        rows(fft, pool, m, neededRows, neededRows, true, pairs);
    }

    private static void rows(Fft fft, WorkerPool pool, int m, int rowCount, int keepCols, boolean inverse,
                             double[]... pairs) {
        int chunks = Math.min(rowCount, 4 * pool.threads());
        pool.run(chunks, c -> {
            double[] re = new double[m];
            double[] im = new double[m];
            for (int r = WorkerPool.chunkStart(rowCount, chunks, c); r < WorkerPool.chunkStart(rowCount, chunks, c + 1); r++) {
                for (int g = 0; g < pairs.length; g += 2) {
                    System.arraycopy(pairs[g], r * m, re, 0, m);
                    System.arraycopy(pairs[g + 1], r * m, im, 0, m);
                    fft.transform(re, im, inverse);
                    System.arraycopy(re, 0, pairs[g], r * m, keepCols);
                    System.arraycopy(im, 0, pairs[g + 1], r * m, keepCols);
                }
            }
        });
    }

    private static final int COLUMN_STRIP = 32;

    private static void columns(Fft fft, WorkerPool pool, int m, int keepRows, boolean inverse, double[]... pairs) {
        int strips = (m + COLUMN_STRIP - 1) / COLUMN_STRIP;
        pool.run(strips, c -> {
            int from = c * COLUMN_STRIP;
            int to = Math.min(m, from + COLUMN_STRIP);
            for (int g = 0; g < pairs.length; g += 2) {
                fft.transformColumns(pairs[g], pairs[g + 1], m, from, to, inverse);
            }
        });
    }
}
