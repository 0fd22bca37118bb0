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

    /**
     * Transforms columns {@code [colFrom, colTo)} of a row-major {@code size x rowLength} grid in place, running
     * each butterfly over a whole row segment: memory is read row by row (cache friendly, vectorisable) instead of
     * gathering one strided column at a time.
     */
    void transformColumns(double[] re, double[] im, int rowLength, int colFrom, int colTo, boolean inverse) {
        for (int i = 0; i < size; i++) {
            int j = reversed[i];
            if (j > i) {
                int a = i * rowLength;
                int b = j * rowLength;
                for (int c = colFrom; c < colTo; c++) {
                    double t = re[a + c];
                    re[a + c] = re[b + c];
                    re[b + c] = t;
                    t = im[a + c];
                    im[a + c] = im[b + c];
                    im[b + c] = t;
                }
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
                    int a = i * rowLength;
                    int b = (i + half) * rowLength;
                    for (int c = colFrom; c < colTo; c++) {
                        double br = re[b + c];
                        double bi = im[b + c];
                        double vr = br * wr - bi * wi;
                        double vi = br * wi + bi * wr;
                        re[b + c] = re[a + c] - vr;
                        im[b + c] = im[a + c] - vi;
                        re[a + c] += vr;
                        im[a + c] += vi;
                    }
                }
            }
        }
    }
}
