package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutQualityTest {

    /** Brute-force sklearn formula with full argsort ranks. */
    static double referenceTrustworthiness(FeatureMatrix x, FeatureMatrix y, int k) {
        int n = x.rows();
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            double[] dx = new double[n];
            double[] dy = new double[n];
            for (int j = 0; j < n; j++) {
                dx[j] = KnnSearchTest.bruteDistance(x, i, x, j, DistanceMetric.EUCLIDEAN);
                dy[j] = KnnSearchTest.bruteDistance(y, i, y, j, DistanceMetric.EUCLIDEAN);
            }
            int self = i;
            Integer[] byX = java.util.stream.IntStream.range(0, n).filter(j -> j != self).boxed()
                    .sorted((a, b) -> Double.compare(dx[a], dx[b])).toArray(Integer[]::new);
            Integer[] byY = java.util.stream.IntStream.range(0, n).filter(j -> j != self).boxed()
                    .sorted((a, b) -> Double.compare(dy[a], dy[b])).toArray(Integer[]::new);
            int[] rank = new int[n];
            for (int r = 0; r < byX.length; r++) {
                rank[byX[r]] = r + 1;
            }
            for (int m = 0; m < k; m++) {
                penalty += Math.max(0, rank[byY[m]] - k);
            }
        }
        return 1 - penalty * 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0));
    }

    @Test
    void trustworthinessMatchesTheReferenceFormula() {
        FeatureMatrix x = KnnSearchTest.randomMatrix(300, 12, 31);
        FeatureMatrix y = KnnSearchTest.randomMatrix(300, 2, 32);
        FeatureMatrix projection = new FeatureMatrix(java.util.Arrays.copyOf(new float[0], 600), 300, 2);
        for (int i = 0; i < 300; i++) {
            projection.values()[2 * i] = x.get(i, 0);
            projection.values()[2 * i + 1] = x.get(i, 1);
        }
        for (FeatureMatrix layout : new FeatureMatrix[]{y, projection}) {
            assertEquals(referenceTrustworthiness(x, layout, 7),
                    LayoutQuality.trustworthiness(x, layout, 7, 2, CancellationToken.NONE), 1e-9);
        }
    }

    @Test
    void identicalLayoutIsFullyTrustworthyAndRandomOneIsNot() {
        FeatureMatrix x = KnnSearchTest.randomMatrix(400, 2, 33);
        assertEquals(1.0, LayoutQuality.trustworthiness(x, x, 10, 2, CancellationToken.NONE), 1e-12);
        FeatureMatrix high = KnnSearchTest.randomMatrix(400, 30, 34);
        double random = LayoutQuality.trustworthiness(high, x, 10, 2, CancellationToken.NONE);
        assertTrue(random < 0.6, "random layout " + random);
    }

    @Test
    void silhouetteIsHighForSeparatedClustersAndNearZeroForMixedLabels() {
        GaussianClusters separated = GaussianClusters.generate(600, 2, 3, 30.0, 35);
        assertTrue(LayoutQuality.silhouette(separated.features(), separated.labels(), 2, CancellationToken.NONE) > 0.8);
        Random random = new Random(36);
        int[] mixed = new int[600];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = random.nextInt(3);
        }
        double score = LayoutQuality.silhouette(separated.features(), mixed, 2, CancellationToken.NONE);
        assertTrue(Math.abs(score) < 0.1, "mixed labels score near zero: " + score);
    }

    @Test
    void silhouetteOfTwoKnownPairs() {
        // points 0,1 at x=0,1 (class 0); points 2,3 at x=10,11 (class 1)
        FeatureMatrix y = FeatureMatrix.fromRows(new float[][]{{0, 0}, {1, 0}, {10, 0}, {11, 0}});
        double s0 = (10.5 - 1) / 10.5; // a = 1, b = mean(10, 11)
        double s1 = (9.5 - 1) / 9.5;   // a = 1, b = mean(9, 10)
        assertEquals((s0 + s1) / 2, LayoutQuality.silhouette(y, new int[]{0, 0, 1, 1}, 1, CancellationToken.NONE), 1e-6);
    }
}
