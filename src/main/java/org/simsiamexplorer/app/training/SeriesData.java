package org.simsiamexplorer.app.training;

import java.util.Arrays;

/**
 * A growable series of (x, y) points in primitive arrays, so that 100,000+ points cost a few MB and no objects.
 * Keeps the y range up to date on append so a chart can scale without scanning. NaN y values are stored (they mean
 * "not measured") but are ignored by the range and skipped when drawing.
 */
public final class SeriesData {
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private int size;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;

    public void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
        if (!Double.isNaN(y) && !Double.isInfinite(y)) {
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
    }

    public void clear() {
        size = 0;
        minY = Double.POSITIVE_INFINITY;
        maxY = Double.NEGATIVE_INFINITY;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** The backing x array; only the first {@link #size()} entries are valid. Exposed for allocation-free drawing. */
    double[] xArray() {
        return xs;
    }

    double[] yArray() {
        return ys;
    }

    public double firstX() {
        return xs[0];
    }

    public double lastX() {
        return xs[size - 1];
    }

    public double lastY() {
        return ys[size - 1];
    }

    /** Smallest finite y, or +infinity when there is none. */
    public double minY() {
        return minY;
    }

    /** Largest finite y, or -infinity when there is none. */
    public double maxY() {
        return maxY;
    }

    public boolean hasFiniteY() {
        return minY <= maxY;
    }
}
