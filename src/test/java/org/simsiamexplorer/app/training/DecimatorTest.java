package org.simsiamexplorer.app.training;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimatorTest {

    private static SeriesData noisy(int n, long seed) {
        Random random = new Random(seed);
        SeriesData data = new SeriesData();
        for (int i = 0; i < n; i++) {
            data.add(i, Math.sin(i / 500.0) + random.nextGaussian() * 0.1);
        }
        return data;
    }

    @Test
    void everyPixelColumnKeepsItsMinimumAndMaximum() {
        int n = 100_000;
        int columns = 600;
        SeriesData data = noisy(n, 1);
        int[] picks = Decimator.decimate(data, 0, n - 1, columns);
        double[] expectedMin = new double[columns];
        double[] expectedMax = new double[columns];
        double[] keptMin = new double[columns];
        double[] keptMax = new double[columns];
        Arrays.fill(expectedMin, Double.POSITIVE_INFINITY);
        Arrays.fill(expectedMax, Double.NEGATIVE_INFINITY);
        Arrays.fill(keptMin, Double.POSITIVE_INFINITY);
        Arrays.fill(keptMax, Double.NEGATIVE_INFINITY);
        double scale = columns / (double) (n - 1);
        for (int i = 0; i < n; i++) {
            int c = Math.min(columns - 1, (int) (i * scale));
            expectedMin[c] = Math.min(expectedMin[c], data.y(i));
            expectedMax[c] = Math.max(expectedMax[c], data.y(i));
        }
        for (int index : picks) {
            int c = Math.min(columns - 1, (int) (index * scale));
            keptMin[c] = Math.min(keptMin[c], data.y(index));
            keptMax[c] = Math.max(keptMax[c], data.y(index));
        }
        assertArrayEquals(expectedMin, keptMin);
        assertArrayEquals(expectedMax, keptMax);
        assertTrue(picks.length <= 4 * columns, "at most four points per column, was " + picks.length);
    }

    @Test
    void aSingleSpikeSurvives() {
        SeriesData data = new SeriesData();
        for (int i = 0; i < 100_000; i++) {
            data.add(i, i == 77_777 ? 50.0 : 0.0);
        }
        int[] picks = Decimator.decimate(data, 0, 99_999, 300);
        assertTrue(Arrays.stream(picks).anyMatch(i -> i == 77_777));
    }

    @Test
    void indicesComeInDataOrderWithoutRepeats() {
        int[] picks = Decimator.decimate(noisy(50_000, 2), 0, 49_999, 400);
        for (int i = 1; i < picks.length; i++) {
            assertTrue(picks[i] > picks[i - 1], "order at " + i);
        }
    }

    @Test
    void fewerPointsThanColumnsAreAllKept() {
        SeriesData data = noisy(50, 3);
        assertArrayEquals(java.util.stream.IntStream.range(0, 50).toArray(),
                Decimator.decimate(data, 0, 49, 800));
    }

    @Test
    void notMeasuredPointsAreSkipped() {
        SeriesData data = new SeriesData();
        data.add(1, 0.1);
        data.add(2, Double.NaN);
        data.add(3, 0.3);
        assertArrayEquals(new int[] {0, 2}, Decimator.decimate(data, 1, 3, 100));
        assertEquals(0.1, data.minY());
        assertEquals(0.3, data.maxY());
    }

    @Test
    void pointsOutsideTheXRangeAreLeftOut() {
        SeriesData data = noisy(1_000, 4);
        int[] picks = Decimator.decimate(data, 100, 199, 1_000);
        assertEquals(100, picks.length);
        assertEquals(100, picks[0]);
        assertEquals(199, picks[picks.length - 1]);
    }
}
