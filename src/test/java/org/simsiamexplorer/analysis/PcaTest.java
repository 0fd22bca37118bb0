package org.simsiamexplorer.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PcaTest {

    /** Rows = mean + (z * sqrt(variances)) rotated by a random orthogonal matrix: covariance known exactly. */
    static FeatureMatrix withKnownCovariance(int n, double[] variances, long seed) {
        int d = variances.length;
        Random random = new Random(seed);
        double[] rotation = new double[d * d];
        for (int i = 0; i < rotation.length; i++) {
            rotation[i] = random.nextGaussian();
        }
        Pca.orthonormalizeColumns(rotation, d, d);
        float[] v = new float[n * d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[j] = random.nextGaussian() * Math.sqrt(variances[j]);
            }
            for (int t = 0; t < d; t++) {
                double s = 5.0; // non-zero mean
                for (int j = 0; j < d; j++) {
                    s += rotation[t * d + j] * z[j];
                }
                v[i * d + t] = (float) s;
            }
        }
        return new FeatureMatrix(v, n, d);
    }

    static double[] decaying(int d) {
        double[] variances = new double[d];
        for (int j = 0; j < d; j++) {
            variances[j] = 10.0 / Math.pow(j + 1, 1.5);
        }
        return variances;
    }

    @ParameterizedTest(name = "d={0}, {1} components (exact when d <= components + 10)")
    @CsvSource({"6, 2", "6, 6", "40, 2", "120, 5"})
    void explainedVarianceMatchesTheKnownCovariance(int d, int components) {
        double[] variances = decaying(d);
        FeatureMatrix x = withKnownCovariance(20000, variances, d);
        PcaResult pca = Pca.fit(x, PcaConfig.of(components).withThreads(2), CancellationToken.NONE);
        double total = 0;
        for (double v : variances) {
            total += v;
        }
        assertEquals(total, pca.totalVariance(), 0.02 * total);
        for (int c = 0; c < components; c++) {
            assertEquals(variances[c], pca.explainedVariance()[c], 0.04 * variances[c], "component " + c);
            assertEquals(variances[c] / total, pca.explainedVarianceRatio()[c], 0.05 * variances[c] / total);
        }
    }

    @Test
    void axesAreOrthonormalAndProjectTheMeanToZero() {
        FeatureMatrix x = withKnownCovariance(5000, decaying(30), 3);
        PcaResult pca = Pca.fit(x, 4);
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                double dot = 0;
                for (int t = 0; t < 30; t++) {
                    dot += pca.components()[a * 30 + t] * pca.components()[b * 30 + t];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-9);
            }
        }
        float[] mean = new float[30];
        for (int t = 0; t < 30; t++) {
            mean[t] = (float) pca.mean()[t];
        }
        FeatureMatrix projected = pca.transform(new FeatureMatrix(mean, 1, 30));
        for (float v : projected.values()) {
            assertEquals(0, v, 1e-4);
        }
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        FeatureMatrix x = withKnownCovariance(3000, decaying(50), 4);
        PcaResult one = Pca.fit(x, PcaConfig.of(3).withThreads(1), CancellationToken.NONE);
        PcaResult three = Pca.fit(x, PcaConfig.of(3).withThreads(3), CancellationToken.NONE);
        assertArrayEquals(one.components(), three.components());
        assertArrayEquals(one.explainedVariance(), three.explainedVariance());
    }

    @Test
    void projectionFromTheFitEqualsTransformingTheRows() {
        FeatureMatrix x = withKnownCovariance(2001, decaying(80), 5); // odd n: the last row tile is partial
        Pca.Fitted fitted = Pca.fitAndProject(x, PcaConfig.of(12).withPowerIterations(2).withThreads(2),
                CancellationToken.NONE);
        FeatureMatrix direct = fitted.result().transform(x, 2);
        assertEquals(direct.rows(), fitted.projection().rows());
        assertEquals(12, fitted.projection().cols());
        for (int i = 0; i < direct.values().length; i++) {
            assertEquals(direct.values()[i], fitted.projection().values()[i], 1e-4, "entry " + i);
        }
    }
}
