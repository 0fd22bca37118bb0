package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnnSearchTest {

    static FeatureMatrix randomMatrix(int n, int d, long seed) {
        Random random = new Random(seed);
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return new FeatureMatrix(v, n, d);
    }

    static double bruteDistance(FeatureMatrix a, int i, FeatureMatrix b, int j, DistanceMetric metric) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double sq = 0;
        for (int t = 0; t < a.cols(); t++) {
            double x = a.get(i, t);
            double y = b.get(j, t);
            dot += x * y;
            na += x * x;
            nb += y * y;
            sq += (x - y) * (x - y);
        }
        return metric == DistanceMetric.EUCLIDEAN ? Math.sqrt(sq) : 1 - dot / Math.sqrt(na * nb);
    }

    @ParameterizedTest(name = "{0}, {1} threads, k={2}")
    @CsvSource({"EUCLIDEAN, 1, 7", "EUCLIDEAN, 3, 7", "COSINE, 1, 5", "COSINE, 2, 20", "EUCLIDEAN, 2, 299"})
    void graphMatchesBruteForce(DistanceMetric metric, int threads, int k) {
        FeatureMatrix points = randomMatrix(300, 19, 1);
        KnnGraph graph = KnnSearch.graph(points, k, metric, threads, CancellationToken.NONE);
        for (int i = 0; i < points.rows(); i++) {
            int self = i;
            Integer[] order = IntStream.range(0, points.rows()).filter(j -> j != self).boxed()
                    .sorted(Comparator.comparingDouble(j -> bruteDistance(points, self, points, j, metric)))
                    .toArray(Integer[]::new);
            for (int r = 0; r < k; r++) {
                double expected = bruteDistance(points, i, points, order[r], metric);
                assertEquals(expected, graph.distance(i, r), 1e-4, "distance of rank " + r + " of point " + i);
                assertEquals(expected, bruteDistance(points, i, points, graph.neighbour(i, r), metric), 1e-4);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DistanceMetric.class)
    void queryFindsNearestReferencesAndMayReturnAnIdenticalPoint(DistanceMetric metric) {
        FeatureMatrix references = randomMatrix(500, 33, 2);
        FeatureMatrix queries = new FeatureMatrix(Arrays.copyOf(references.values(), 10 * 33), 10, 33);
        KnnGraph graph = KnnSearch.query(queries, references, 3, metric, 2, CancellationToken.NONE);
        for (int i = 0; i < 10; i++) {
            assertEquals(i, graph.neighbour(i, 0), "a query that is also a reference is its own nearest reference");
            assertEquals(0, graph.distance(i, 0), 1e-3);
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        FeatureMatrix points = randomMatrix(1000, 40, 3);
        KnnGraph one = KnnSearch.graph(points, 15, DistanceMetric.EUCLIDEAN, 1, CancellationToken.NONE);
        KnnGraph four = KnnSearch.graph(points, 15, DistanceMetric.EUCLIDEAN, 4, CancellationToken.NONE);
        assertArrayEquals(one.neighbours(), four.neighbours());
        assertArrayEquals(one.distances(), four.distances());
    }

    @Test
    void rejectsMoreNeighboursThanOtherPoints() {
        FeatureMatrix points = randomMatrix(10, 3, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnnSearch.graph(points, 10, DistanceMetric.EUCLIDEAN));
        assertTrue(e.getMessage().contains("10 neighbours among 9"), e.getMessage());
    }

    @Test
    void rejectsNaNFeaturesWithTheirPosition() {
        FeatureMatrix points = randomMatrix(10, 3, 5);
        points.values()[7] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnnSearch.graph(points, 2, DistanceMetric.COSINE));
        assertTrue(e.getMessage().contains("row 2, column 1"), e.getMessage());
    }

    @Test
    void cancelledSearchStops() {
        FeatureMatrix points = randomMatrix(2000, 8, 6);
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> KnnSearch.graph(points, 5, DistanceMetric.EUCLIDEAN, 2, token));
    }
}
