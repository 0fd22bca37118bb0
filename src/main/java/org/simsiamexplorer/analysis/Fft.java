package org.simsiamexplorer.analysis;

/** Iterative radix-2 complex FFT of one power-of-two size, with precomputed twiddles and bit reversal. */
final class Fft {
    private final int size;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    Fft(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two, got " + size);
        }
        this.size = size;
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / size);
            sin[i] = Math.sin(2 * Math.PI * i / size);
        }
        reversed = new int[size];
        int bits = Integer.numberOfTrailingZeros(size);
        for (int i = 0; i < size; i++) {
            reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
    }

    int size() {
        return size;
    }

    /** In place; {@code inverse} uses the conjugate twiddles and does not divide by the size. */
    void transform(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int len = 2; len <= size; len <<= 1) {
            int half = len >> 1;
            int step = size / len;
            for (int j = 0; j < half; j++) {
                double wr = cos[j * step];
                double wi = sign * sin[j * step];
                for (int i = j; i < size; i += len) {
                    int a = i;
                    int b = i + half;
                    double vr = re[b] * wr - im[b] * wi;
                    double vi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - vr;
                    im[b] = im[a] - vi;
                    re[a] += vr;
                    im[a] += vi;
                }
            }
        }
    }
}
