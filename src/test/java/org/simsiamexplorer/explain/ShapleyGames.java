package org.simsiamexplorer.explain;

import java.util.SplittableRandom;

/** Small cooperative games with interactions, and Shapley values by brute force over all orderings. */
final class ShapleyGames {
    private ShapleyGames() {
    }

    /** v_c(S) = a_c . z + sum_{i<j} b_cij z_i z_j + 3 [features 0, 1, 2 all present] + c: two outputs. */
    static java.util.function.LongFunction<double[]> interacting(int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] linear = new double[2][features];
        double[][][] pairs = new double[2][features][features];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < features; i++) {
                linear[c][i] = random.nextDouble() * 4 - 2;
                for (int j = i + 1; j < features; j++) {
                    pairs[c][i][j] = random.nextDouble() * 2 - 1;
                }
            }
        }
        return mask -> {
            double[] value = new double[2];
            for (int c = 0; c < 2; c++) {
                value[c] = 0.5 + c;
                for (int i = 0; i < features; i++) {
                    if ((mask >>> i & 1) == 0) {
                        continue;
                    }
                    value[c] += linear[c][i];
                    for (int j = i + 1; j < features; j++) {
                        value[c] += (mask >>> j & 1) * pairs[c][i][j];
                    }
                }
                if ((mask & 7) == 7) {
                    value[c] += 3 * (c == 0 ? 1 : -1);
                }
            }
            return value;
        };
    }

    /** The definition: average over all d! orderings of each feature's marginal contribution. */
    static double[][] byPermutations(int features, java.util.function.LongFunction<double[]> game) {
        double[][] phi = new double[2][features];
        int[] order = new int[features];
        for (int i = 0; i < features; i++) {
            order[i] = i;
        }
        long count = 0;
        do {
            long mask = 0;
            double[] before = game.apply(0);
            for (int feature : order) {
                mask |= 1L << feature;
                double[] after = game.apply(mask);
                for (int c = 0; c < 2; c++) {
                    phi[c][feature] += after[c] - before[c];
                }
                before = after;
            }
            count++;
        } while (nextPermutation(order));
        for (double[] row : phi) {
            for (int i = 0; i < features; i++) {
                row[i] /= count;
            }
        }
        return phi;
    }

    static double[][] allCoalitions(int features, java.util.function.LongFunction<double[]> game) {
        double[][] values = new double[1 << features][];
        for (int mask = 0; mask < values.length; mask++) {
            values[mask] = game.apply(mask);
        }
        return values;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }
}
