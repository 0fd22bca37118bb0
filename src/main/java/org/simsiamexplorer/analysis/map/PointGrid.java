package org.simsiamexplorer.analysis.map;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A uniform-grid spatial index over 2-D points, so that picking the point under the cursor and selecting by
 * rectangle or lasso only look at nearby cells instead of scanning all points on every mouse move.
 * Built in O(n) with a counting sort (about two points per cell); immutable afterwards, so a rebuilt grid can be
 * swapped in while t-SNE moves the points. Points with a non-finite coordinate are not indexed.
 */
public final class PointGrid {
    private final float[] xy;
    private final WorldBounds bounds;
    private final int columns;
    private final int rows;
    private final double cellWidth;
    private final double cellHeight;
    /** Points of cell c are {@code items[cellStart[c] .. cellStart[c + 1])}. */
    private final int[] cellStart;
    private final int[] items;

    private PointGrid(float[] xy, WorldBounds bounds, int columns, int rows, int[] cellStart, int[] items) {
        this.xy = xy;
        this.bounds = bounds;
        this.columns = columns;
        this.rows = rows;
        this.cellWidth = Math.max(bounds.width() / columns, 1e-12);
        this.cellHeight = Math.max(bounds.height() / rows, 1e-12);
        this.cellStart = cellStart;
        this.items = items;
    }

    /** Indexes interleaved {@code x0, y0, x1, y1, ...}; the array is kept (not copied), so do not modify it. */
    public static PointGrid build(float[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("coordinates must be x,y pairs, got " + xy.length + " values");
        }
        int n = xy.length / 2;
        WorldBounds bounds = WorldBounds.of(xy);
        int side = Math.max(1, (int) Math.ceil(Math.sqrt(n / 2.0)));
        // square-ish cells: spread the cell budget according to the aspect ratio
        double aspect = Math.max(bounds.width(), 1e-12) / Math.max(bounds.height(), 1e-12);
        aspect = Math.max(1.0 / side, Math.min(side, aspect));
        int columns = Math.max(1, (int) Math.round(side * Math.sqrt(aspect)));
        int rows = Math.max(1, (int) Math.round(side / Math.sqrt(aspect)));
        PointGrid shape = new PointGrid(xy, bounds, columns, rows, new int[0], new int[0]);

        int[] cellOf = new int[n];
        int[] counts = new int[columns * rows + 1];
        int indexed = 0;
        for (int i = 0; i < n; i++) {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            if (!Float.isFinite(x) || !Float.isFinite(y)) {
                cellOf[i] = -1;
                continue;
            }
            int cell = shape.row(y) * columns + shape.column(x);
            cellOf[i] = cell;
            counts[cell + 1]++;
            indexed++;
        }
        for (int c = 0; c < columns * rows; c++) {
            counts[c + 1] += counts[c];
        }
        int[] cellStart = counts.clone();
        int[] items = new int[indexed];
        for (int i = 0; i < n; i++) {
            if (cellOf[i] >= 0) {
                items[counts[cellOf[i]]++] = i;
            }
        }
        return new PointGrid(xy, bounds, columns, rows, cellStart, items);
    }

    public int size() {
        return xy.length / 2;
    }

    /**
     * The indexed points cell by cell (cells row-major), i.e. roughly sorted by position: drawing in this order
     * writes neighbouring pixels one after the other, which keeps the frame buffer in the CPU cache.
     * The array is shared: do not modify it.
     */
    public int[] cellOrder() {
        return items;
    }

    public WorldBounds bounds() {
        return bounds;
    }

    public float x(int point) {
        return xy[2 * point];
    }

    public float y(int point) {
        return xy[2 * point + 1];
    }

    /**
     * The included point nearest to (x, y) within {@code maxDistance}, or -1. Ties go to the higher index,
     * which is the one drawn on top.
     */
    public int nearest(double x, double y, double maxDistance, IntPredicate include) {
        double bestDistance = maxDistance * maxDistance;
        int best = -1;
        int c0 = column(x - maxDistance);
        int c1 = column(x + maxDistance);
        int r0 = row(y - maxDistance);
        int r1 = row(y + maxDistance);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = r * columns + c;
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = items[k];
                    double dx = xy[2 * i] - x;
                    double dy = xy[2 * i + 1] - y;
                    double d = dx * dx + dy * dy;
                    if ((d < bestDistance || (d == bestDistance && i > best)) && include.test(i)) {
                        bestDistance = d;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /** Included points inside a rectangle (edges included), in ascending index order. */
    public int[] within(WorldBounds area, IntPredicate include) {
        return collect(area, (x, y) -> area.contains(x, y), include);
    }

    /**
     * Included points inside a closed polygon given as interleaved {@code x0, y0, x1, y1, ...} (even-odd rule),
     * in ascending index order. Fewer than three vertices select nothing.
     */
    public int[] withinPolygon(double[] polygon, IntPredicate include) {
        if (polygon.length < 6) {
            return new int[0];
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v + 1 < polygon.length; v += 2) {
            minX = Math.min(minX, polygon[v]);
            maxX = Math.max(maxX, polygon[v]);
            minY = Math.min(minY, polygon[v + 1]);
            maxY = Math.max(maxY, polygon[v + 1]);
        }
        return collect(new WorldBounds(minX, minY, maxX, maxY), (x, y) -> insidePolygon(polygon, x, y), include);
    }

    /** Even-odd ray casting. */
    public static boolean insidePolygon(double[] polygon, double x, double y) {
        boolean inside = false;
        int vertices = polygon.length / 2;
        for (int i = 0, j = vertices - 1; i < vertices; j = i++) {
            double xi = polygon[2 * i];
            double yi = polygon[2 * i + 1];
            double xj = polygon[2 * j];
            double yj = polygon[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    private int[] collect(WorldBounds box, PointTest test, IntPredicate include) {
        int c0 = column(box.minX());
        int c1 = column(box.maxX());
        int r0 = row(box.minY());
        int r1 = row(box.maxY());
        int[] found = new int[16];
        int count = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = r * columns + c;
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int i = items[k];
                    if (test.accepts(xy[2 * i], xy[2 * i + 1]) && include.test(i)) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = i;
                    }
                }
            }
        }
        int[] result = Arrays.copyOf(found, count);
        Arrays.sort(result);
        return result;
    }

    private int column(double x) {
        int c = (int) Math.floor((x - bounds.minX()) / cellWidth);
        return Math.max(0, Math.min(columns - 1, c));
    }

    private int row(double y) {
        int r = (int) Math.floor((y - bounds.minY()) / cellHeight);
        return Math.max(0, Math.min(rows - 1, r));
    }

    @FunctionalInterface
    private interface PointTest {
        boolean accepts(double x, double y);
    }
}
