package org.simsiamexplorer.analysis.map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PointGridTest {

    /** Clustered points like a real map, plus duplicates (ties) and one NaN point that must never be found. */
    private static float[] clusteredPoints(int n, long seed) {
        Random random = new Random(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int cluster = random.nextInt(5);
            xy[2 * i] = (float) (cluster * 10 + random.nextGaussian());
            xy[2 * i + 1] = (float) (cluster * -3 + random.nextGaussian() * 2);
        }
        xy[2 * 7] = xy[2 * 3];
        xy[2 * 7 + 1] = xy[2 * 3 + 1];
        xy[2 * 11] = Float.NaN;
        return xy;
    }

    private static int bruteNearest(float[] xy, double x, double y, double maxDistance, IntPredicate include) {
        int best = -1;
        double bestDistance = maxDistance * maxDistance;
        for (int i = 0; i < xy.length / 2; i++) {
            double dx = xy[2 * i] - x;
            double dy = xy[2 * i + 1] - y;
            double d = dx * dx + dy * dy;
            if (include.test(i) && (d < bestDistance || (d == bestDistance && i > best))) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 3, 100})
    void nearestMatchesBruteForceForAnySearchRadius(double radius) {
        float[] xy = clusteredPoints(3000, 1);
        PointGrid grid = PointGrid.build(xy);
        IntPredicate evenOnly = i -> i % 2 == 0;
        Random random = new Random(2);
        for (int q = 0; q < 500; q++) {
            double x = -5 + random.nextDouble() * 50;
            double y = -20 + random.nextDouble() * 25;
            assertEquals(bruteNearest(xy, x, y, radius, i -> true), grid.nearest(x, y, radius, i -> true));
            assertEquals(bruteNearest(xy, x, y, radius, evenOnly), grid.nearest(x, y, radius, evenOnly));
        }
    }

    @Test
    void nearestOnADuplicatedPointPicksTheOneDrawnOnTop() {
        float[] xy = clusteredPoints(100, 3);
        PointGrid grid = PointGrid.build(xy);
        assertEquals(7, grid.nearest(xy[2 * 3], xy[2 * 3 + 1], 1e-3, i -> true));
    }

    @Test
    void rectangleSelectionMatchesBruteForce() {
        float[] xy = clusteredPoints(4000, 4);
        PointGrid grid = PointGrid.build(xy);
        WorldBounds area = WorldBounds.spanning(12, -4, 25, 1);
        IntPredicate include = i -> i % 3 != 0;
        int[] expected = IntStream.range(0, xy.length / 2)
                .filter(i -> include.test(i) && area.contains(xy[2 * i], xy[2 * i + 1])).toArray();
        assertTrue(expected.length > 50, "the test area should hold points");
        assertArrayEquals(expected, grid.within(area, include));
    }

    @Test
    void lassoSelectionMatchesBruteForce() {
        float[] xy = clusteredPoints(4000, 5);
        PointGrid grid = PointGrid.build(xy);
        double[] triangle = {0, 0, 30, -6, 5, -12};
        int[] expected = IntStream.range(0, xy.length / 2)
                .filter(i -> Float.isFinite(xy[2 * i])
                        && PointGrid.insidePolygon(triangle, xy[2 * i], xy[2 * i + 1])).toArray();
        assertTrue(expected.length > 50, "the lasso should hold points");
        assertArrayEquals(expected, grid.withinPolygon(triangle, i -> true));
    }

    @Test
    void pointInPolygonUsesTheEvenOddRule() {
        double[] square = {0, 0, 2, 0, 2, 2, 0, 2};
        assertTrue(PointGrid.insidePolygon(square, 1, 1));
        assertTrue(!PointGrid.insidePolygon(square, 3, 1));
        assertTrue(!PointGrid.insidePolygon(square, 1, -0.5));
    }

    @Test
    void aSinglePointAndAnEmptyMapStillWork() {
        PointGrid one = PointGrid.build(new float[]{4, 4});
        assertEquals(0, one.nearest(4.1, 4, 1, i -> true));
        assertEquals(-1, one.nearest(9, 9, 1, i -> true));
        PointGrid none = PointGrid.build(new float[0]);
        assertEquals(-1, none.nearest(0, 0, 10, i -> true));
        assertEquals(0, none.within(new WorldBounds(-1, -1, 1, 1), i -> true).length);
    }
}
