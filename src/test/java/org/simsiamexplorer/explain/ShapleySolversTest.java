package org.simsiamexplorer.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact enumeration and Kernel SHAP against Shapley values by brute force over all orderings. */
class ShapleySolversTest {

    @ParameterizedTest(name = "{0} features")
    @ValueSource(ints = {1, 3, 6, 8})
    void exactEnumerationEqualsTheAverageOverAllOrderings(int features) {
        LongFunction<double[]> game = ShapleyGames.interacting(features, features);

        double[][] exact = ExactShapley.values(features, ShapleyGames.allCoalitions(features, game));

        assertClose(ShapleyGames.byPermutations(features, game), exact, 1e-9);
    }

    @ParameterizedTest(name = "{0} features")
    @ValueSource(ints = {2, 5, 8})
    void kernelShapWithEveryCoalitionEqualsBruteForceShapleyValues(int features) {
        LongFunction<double[]> game = ShapleyGames.interacting(features, 40 + features);
        KernelShap.Design design = KernelShap.design(features, (1 << features) - 2, new SplittableRandom(1));

        double[][] phi = solve(features, design, game);

        assertEquals((1 << features) - 2, design.size());
        assertClose(ShapleyGames.byPermutations(features, game), phi, 1e-9);
    }

    @Test
    void kernelShapWithEveryCoalitionOfTenFeaturesEqualsExactEnumeration() {
        LongFunction<double[]> game = ShapleyGames.interacting(10, 3);
        KernelShap.Design design = KernelShap.design(10, 1022, new SplittableRandom(1));

        assertClose(ExactShapley.values(10, ShapleyGames.allCoalitions(10, game)), solve(10, design, game), 1e-9);
    }

    @Test
    void sampledKernelShapStillSatisfiesEfficiencyExactly() {
        LongFunction<double[]> game = ShapleyGames.interacting(10, 5);
        KernelShap.Design design = KernelShap.design(10, 120, new SplittableRandom(7));

        double[][] phi = solve(10, design, game);

        assertTrue(design.size() <= 120);
        for (int c = 0; c < 2; c++) {
            double sum = java.util.Arrays.stream(phi[c]).sum();
            assertEquals(game.apply(1023)[c] - game.apply(0)[c], sum, 1e-9);
        }
    }

    @Test
    void sampledKernelShapIsCloseToTheExactValuesOfAnInteractingGame() {
        LongFunction<double[]> game = ShapleyGames.interacting(10, 5);
        double[][] exact = ExactShapley.values(10, ShapleyGames.allCoalitions(10, game));

        double[][] sampled = solve(10, KernelShap.design(10, 400, new SplittableRandom(7)), game);

        double scale = java.util.Arrays.stream(exact[0]).map(Math::abs).max().orElseThrow();
        assertClose(exact, sampled, 0.1 * scale);
    }

    @Test
    void sampledKernelShapRecoversAnAdditiveGameExactly() {
        double[] weights = {1, -2, 0.5, 3, 0, -1, 2, 0.25, -0.75, 1.5, 4, -3};
        LongFunction<double[]> additive = mask -> {
            double value = 0;
            for (int i = 0; i < weights.length; i++) {
                value += (mask >>> i & 1) * weights[i];
            }
            return new double[] {value, -value};
        };

        double[][] phi = solve(12, KernelShap.design(12, 60, new SplittableRandom(3)), additive);

        for (int i = 0; i < weights.length; i++) {
            assertEquals(weights[i], phi[0][i], 1e-9);
            assertEquals(-weights[i], phi[1][i], 1e-9);
        }
    }

    @Test
    void theDesignNeverContainsTheEmptyOrFullCoalitionAndPairsComplements() {
        KernelShap.Design design = KernelShap.design(20, 300, new SplittableRandom(9));
        java.util.Set<Long> masks = new java.util.HashSet<>();
        for (long mask : design.masks()) {
            masks.add(mask);
        }
        for (long mask : design.masks()) {
            assertTrue(mask != 0 && mask != (1L << 20) - 1);
            assertTrue(masks.contains(KernelShap.complement(mask, 20)), "complement of " + mask + " missing");
        }
        assertEquals(1.0, java.util.Arrays.stream(design.weights()).sum(), 1e-9);
    }

    @Test
    void tooManyFeaturesForExactEnumerationAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ExactShapley.values(21, new double[0][]));
    }

    private static double[][] solve(int features, KernelShap.Design design, LongFunction<double[]> game) {
        double[][] values = new double[design.size()][];
        for (int k = 0; k < design.size(); k++) {
            values[k] = game.apply(design.masks()[k]);
        }
        return KernelShap.solve(features, design, values, game.apply(0),
                game.apply(KernelShap.complement(0, features)));
    }

    private static void assertClose(double[][] expected, double[][] actual, double tolerance) {
        for (int c = 0; c < expected.length; c++) {
            for (int i = 0; i < expected[c].length; i++) {
                assertEquals(expected[c][i], actual[c][i], tolerance, "output " + c + ", feature " + i);
            }
        }
    }
}
