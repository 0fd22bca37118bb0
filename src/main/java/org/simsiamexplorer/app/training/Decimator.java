package org.simsiamexplorer.app.training;

import java.util.Arrays;

/**
 * Min/max-per-pixel-column decimation: of all points that fall into one pixel column, keeps the first, the lowest,
 * the highest and the last (in data order). The drawn line then looks exactly like the full line at that width —
 * spikes and dips survive — while at most four points per column are drawn, whatever the data size.
 * The data itself is never changed. Assumes x is non-decreasing (steps, epochs).
 */
public final class Decimator {
    private Decimator() {
    }

    /**
     * Indices of the points to draw for {@code columns} pixel columns spanning [xMin, xMax], in data order.
     * Points with NaN or infinite y are skipped.
     */
    public static int[] decimate(SeriesData data, double xMin, double xMax, int columns) {
        int n = data.size();
        if (n == 0 || columns <= 0) {
            return new int[0];
        }
        double[] xs = data.xArray();
        double[] ys = data.yArray();
        int[] out = new int[Math.min(n, 4 * columns + 4)];
        int count = 0;
        double span = xMax - xMin;
        double scale = span > 0 ? columns / span : 0;
        int start = firstIndexAtOrAfter(xs, n, xMin);
        int column = Integer.MIN_VALUE;
        int first = -1;
        int low = -1;
        int high = -1;
        int last = -1;
        for (int i = start; i < n; i++) {
            double x = xs[i];
            if (x > xMax) {
                break;
            }
            double y = ys[i];
            if (Double.isNaN(y) || Double.isInfinite(y)) {
                continue;
            }
            int c = Math.min(columns - 1, (int) ((x - xMin) * scale));
            if (c != column) {
                if (first >= 0) {
                    count = emit(out, count, first, low, high, last);
                }
                column = c;
                first = low = high = last = i;
            } else {
                if (y < ys[low]) {
                    low = i;
                }
                if (y > ys[high]) {
                    high = i;
                }
                last = i;
            }
            if (count + 4 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
        }
        if (first >= 0) {
            count = emit(out, count, first, low, high, last);
        }
        return Arrays.copyOf(out, count);
    }

    /** Appends the column's four representative indices in data order, without repeats. */
    private static int emit(int[] out, int count, int first, int low, int high, int last) {
        int[] picks = {first, Math.min(low, high), Math.max(low, high), last};
        int previous = -1;
        for (int index : picks) {
            if (index != previous) {
                out[count++] = index;
                previous = index;
            }
        }
        return count;
    }

    private static int firstIndexAtOrAfter(double[] xs, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
