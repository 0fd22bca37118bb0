package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneAffinitiesTest {

    @ParameterizedTest(name = "perplexity {0} on {1} points")
    @CsvSource({"5, 300", "30, 1000", "50, 600"})
    void everyRowHasTheEntropyOfTheRequestedPerplexity(double perplexity, int n) {
        FeatureMatrix x = GaussianClusters.generate(n, 10, 4, 2.0, 5).features();
        KnnGraph graph = KnnSearch.graph(x, (int) (3 * perplexity), DistanceMetric.EUCLIDEAN);
        double[] p = TsneAffinities.conditional(graph, perplexity, 2, CancellationToken.NONE);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double entropy = 0;
            for (int r = 0; r < graph.k(); r++) {
                double v = p[i * graph.k() + r];
                sum += v;
                entropy -= v > 0 ? v * Math.log(v) : 0;
            }
            assertEquals(1, sum, 1e-9, "row " + i + " sums to 1");
            assertEquals(Math.log(perplexity), entropy, 1e-4, "entropy of row " + i);
        }
    }

    @ParameterizedTest(name = "perplexity {0}")
    @CsvSource({"5", "30"})
    void symmetricAffinitiesSumToOneAndAreSymmetric(double perplexity) {
        FeatureMatrix x = GaussianClusters.generate(500, 8, 3, 2.0, 6).features();
        KnnGraph graph = KnnSearch.graph(x, (int) (3 * perplexity), DistanceMetric.EUCLIDEAN);
        SparseAffinities p = TsneAffinities.symmetrize(graph,
                TsneAffinities.conditional(graph, perplexity, 1, CancellationToken.NONE));
        assertEquals(1, p.sum(), 1e-9);
        for (int i = 0; i < p.rows(); i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                int j = p.columns()[e];
                assertTrue(j != i, "no self affinity");
                assertEquals(p.values()[e], p.get(j, i), 1e-15, "P(" + i + "," + j + ") = P(" + j + "," + i + ")");
                if (e > p.rowStart()[i]) {
                    assertTrue(p.columns()[e - 1] < j, "columns ascend and appear once");
                }
            }
        }
    }

    @Test
    void symmetricAffinitiesDoNotDependOnThreadCount() {
        FeatureMatrix x = GaussianClusters.generate(3000, 8, 3, 2.0, 8).features();
        KnnGraph graph = KnnSearch.graph(x, 30, DistanceMetric.EUCLIDEAN);
        double[] conditional = TsneAffinities.conditional(graph, 10, 2, CancellationToken.NONE);
        SparseAffinities one = TsneAffinities.symmetrize(graph, conditional, 1);
        SparseAffinities three = TsneAffinities.symmetrize(graph, conditional, 3);
        assertArrayEquals(one.rowStart(), three.rowStart());
        assertArrayEquals(one.columns(), three.columns());
        assertArrayEquals(one.values(), three.values());
        assertTrue(one.nonZeros() > 3000 * 30, "incoming entries were merged in: " + one.nonZeros());
    }

    @ParameterizedTest(name = "scale {0}")
    @CsvSource({"1e-3", "1", "1e3"})
    void calibrationWorksAtAnyDistanceScale(double scale) {
        double[] squared = new double[90];
        for (int r = 0; r < squared.length; r++) {
            squared[r] = scale * scale * (1 + r * 0.37);
        }
        double[] out = new double[90];
        TsneAffinities.calibrateRow(squared, Math.log(30), out, 0);
        double entropy = 0;
        for (double v : out) {
            entropy -= v * Math.log(v);
        }
        assertEquals(Math.log(30), entropy, 1e-4);
    }
}
