package org.simsiamexplorer.analysis.map;

/** An axis-aligned rectangle in layout coordinates ({@code minX <= maxX}, {@code minY <= maxY}). */
public record WorldBounds(double minX, double minY, double maxX, double maxY) {
    public WorldBounds {
        if (!(minX <= maxX) || !(minY <= maxY)) {
            throw new IllegalArgumentException("bounds need min <= max (and no NaN), got x " + minX + ".." + maxX
                    + ", y " + minY + ".." + maxY);
        }
    }

    /** The bounding box of interleaved {@code x0, y0, x1, y1, ...} coordinates; non-finite points are skipped. */
    public static WorldBounds of(float[] xy) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            float x = xy[i];
            float y = xy[i + 1];
            if (!Float.isFinite(x) || !Float.isFinite(y)) {
                continue;
            }
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        if (minX > maxX) {
            return new WorldBounds(-1, -1, 1, 1);
        }
        return new WorldBounds(minX, minY, maxX, maxY);
    }

    /** The rectangle spanned by two corners given in any order. */
    public static WorldBounds spanning(double x0, double y0, double x1, double y1) {
        return new WorldBounds(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    public double centerX() {
        return (minX + maxX) / 2;
    }

    public double centerY() {
        return (minY + maxY) / 2;
    }

    public boolean contains(double x, double y) {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
}
