package org.simsiamexplorer.analysis;

/**
 * Radix-2 complex FFTs of one power-of-two size along the first index of a grid stored as one array per row
 * ({@code re[row][col]}), for a range of columns at once: every butterfly runs over a row segment, and all arrays
 * in that loop are indexed by the column alone, which is what C2 needs to vectorise it.
 * <p>
 * The forward transform is decimation in frequency (natural order in, bit-reversed order out) and the inverse is
 * decimation in time (bit-reversed in, natural out), so a convolution needs no bit-reversal permutation: spectra
 * only meet each other pointwise, in the same scrambled order.
 */
final class Fft {
    private final int size;
    private final double[] cos;
    private final double[] sin;

    Fft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
        }
        this.size = size;
        cos = new double[Math.max(1, size / 2)];
        sin = new double[Math.max(1, size / 2)];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / size);
            sin[i] = Math.sin(2 * Math.PI * i / size);
        }
    }

    int size() {
        return size;
    }

    /** Bit-reversal of {@code i} within this size: where the forward transform puts frequency {@code i}. */
    int reversed(int i) {
        int bits = Integer.numberOfTrailingZeros(size);
        return bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
    }

    /**
     * Forward transform ({@code X[k] = sum x[n] e^{-2 pi i nk/N}}) along the rows' index, columns
     * {@code [from, to)}; output in bit-reversed row order.
     */
    void forward(double[][] re, double[][] im, int from, int to) {
        for (int len = size; len >= 2; len >>= 1) {
            int half = len >> 1;
            int step = size / len;
            for (int j = 0; j < half; j++) {
                double wr = cos[j * step];
                double wi = -sin[j * step];
                for (int i = j; i < size; i += len) {
                    double[] ar = re[i];
                    double[] ai = im[i];
                    double[] br = re[i + half];
                    double[] bi = im[i + half];
                    for (int c = from; c < to; c++) {
                        double xr = ar[c];
                        double xi = ai[c];
                        double yr = br[c];
                        double yi = bi[c];
                        double dr = xr - yr;
                        double di = xi - yi;
                        ar[c] = xr + yr;
                        ai[c] = xi + yi;
                        br[c] = dr * wr - di * wi;
                        bi[c] = dr * wi + di * wr;
                    }
                }
            }
        }
    }

    /**
     * Inverse transform without the 1/N ({@code x[n] = sum X[k] e^{+2 pi i nk/N}}) along the rows' index, columns
     * {@code [from, to)}, of input in bit-reversed row order (as {@link #forward} leaves it); output in natural order.
     */
    void inverse(double[][] re, double[][] im, int from, int to) {
        for (int len = 2; len <= size; len <<= 1) {
            int half = len >> 1;
            int step = size / len;
            for (int j = 0; j < half; j++) {
                double wr = cos[j * step];
                double wi = sin[j * step];
                for (int i = j; i < size; i += len) {
                    double[] ar = re[i];
                    double[] ai = im[i];
                    double[] br = re[i + half];
                    double[] bi = im[i + half];
                    for (int c = from; c < to; c++) {
                        double yr = br[c];
                        double yi = bi[c];
                        double vr = yr * wr - yi * wi;
                        double vi = yr * wi + yi * wr;
                        double xr = ar[c];
                        double xi = ai[c];
                        br[c] = xr - vr;
                        bi[c] = xi - vi;
                        ar[c] = xr + vr;
                        ai[c] = xi + vi;
                    }
                }
            }
        }
    }
}
