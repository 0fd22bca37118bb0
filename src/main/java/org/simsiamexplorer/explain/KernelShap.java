package org.simsiamexplorer.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Kernel SHAP (Lundberg &amp; Lee 2017): Shapley values as the solution of a weighted least-squares fit of
 * {@code v(S) - v(empty) ~ sum_{i in S} phi_i} with the Shapley kernel {@code pi(S) = (d-1) / (C(d,|S|) |S| (d-|S|))}
 * and the efficiency constraint {@code sum phi = v(all) - v(empty)} imposed exactly (one variable eliminated).
 *
 * <p>Coalitions as shap's KernelExplainer chooses them: coalition sizes are paired (s with d - s) and taken from the
 * heaviest kernel weight (s = 1 and d - 1) inwards; a size pair whose every subset fits the remaining budget is
 * enumerated completely with its exact kernel weight, the rest of the budget is sampled (size by remaining kernel
 * weight, then a uniform subset, always together with its complement). With a budget of 2^d - 2 every coalition is
 * enumerated and the result equals the exact Shapley values.
 */
public final class KernelShap {
    /** Most features a coalition bit mask holds. */
    public static final int MAX_FEATURES = 64;

    /** Coalitions (bit masks, never empty or full) and their regression weights. */
    public record Design(long[] masks, double[] weights) {
        public int size() {
            return masks.length;
        }
    }

    private KernelShap() {
    }

    /** Chooses at most {@code budget} coalitions (at least 2 for d >= 2) of {@code features} features. */
    public static Design design(int features, int budget, SplittableRandom random) {
        if (features < 2 || features > MAX_FEATURES) {
            throw new IllegalArgumentException("Kernel SHAP needs 2.." + MAX_FEATURES + " features, got " + features);
        }
        if (budget < 2) {
            throw new IllegalArgumentException("Kernel SHAP needs a budget of at least 2 coalitions, got " + budget);
        }
        double[] sizeWeight = new double[features];
        double total = 0;
        for (int s = 1; s < features; s++) {
            sizeWeight[s] = (features - 1.0) / (s * (double) (features - s));
            total += sizeWeight[s];
        }
        for (int s = 1; s < features; s++) {
            sizeWeight[s] /= total;
        }
        Map<Long, Double> chosen = new LinkedHashMap<>();
        double remainingBudget = budget;
        double remainingWeight = 1;
        int halfway = features / 2;
        int size = 1;
        for (; size <= halfway; size++) {
            boolean paired = size != features - size;
            double subsets = binomial(features, size) * (paired ? 2 : 1);
            double pairWeight = sizeWeight[size] * (paired ? 2 : 1);
            if (subsets > remainingBudget || remainingBudget * pairWeight / remainingWeight < subsets - 1e-9) {
                break;
            }
            double weightEach = sizeWeight[size] / binomial(features, size);
            for (long mask : subsetsOfSize(features, size)) {
                chosen.put(mask, weightEach);
                if (paired) {
                    chosen.put(complement(mask, features), weightEach);
                }
            }
            remainingBudget -= subsets;
            remainingWeight -= pairWeight;
        }
        if (size <= halfway && remainingBudget >= 2) {
            sampleRest(features, size, sizeWeight, (int) remainingBudget, remainingWeight, random, chosen);
        }
        long[] masks = new long[chosen.size()];
        double[] weights = new double[chosen.size()];
        int i = 0;
        for (Map.Entry<Long, Double> entry : chosen.entrySet()) {
            masks[i] = entry.getKey();
            weights[i++] = entry.getValue();
        }
        return new Design(masks, weights);
    }

    /** Samples coalitions of sizes firstSize..d-firstSize; each gets an equal share of the remaining kernel weight. */
    private static void sampleRest(int features, int firstSize, double[] sizeWeight, int budget,
                                   double remainingWeight, SplittableRandom random, Map<Long, Double> chosen) {
        int halfway = features / 2;
        double[] cumulative = new double[halfway + 1];
        double sum = 0;
        for (int s = firstSize; s <= halfway; s++) {
            sum += sizeWeight[s] * (s != features - s ? 2 : 1);
            cumulative[s] = sum;
        }
        Map<Long, Integer> counts = new LinkedHashMap<>();
        int used = 0;
        int draws = 0;
        while (used + 2 <= budget && draws++ < 20 * budget) {
            double pick = random.nextDouble() * sum;
            int s = firstSize;
            while (s < halfway && cumulative[s] < pick) {
                s++;
            }
            long mask = randomSubset(features, s, random);
            long other = complement(mask, features);
            int before = counts.size();
            counts.merge(mask, 1, Integer::sum);
            counts.merge(other, 1, Integer::sum);
            used += counts.size() - before;
        }
        long samples = counts.values().stream().mapToLong(Integer::longValue).sum();
        for (Map.Entry<Long, Integer> entry : counts.entrySet()) {
            chosen.put(entry.getKey(), remainingWeight * entry.getValue() / samples);
        }
    }

    /**
     * Solves the constrained weighted least squares for every output at once.
     *
     * @param values      {@code values[k][c]}: value of coalition {@code design.masks()[k]} for output c
     * @param emptyValue  v(empty) per output (the fully masked input)
     * @param fullValue   v(all features) per output (the input itself)
     * @return {@code phi[c][i]}, summing exactly to {@code fullValue[c] - emptyValue[c]}
     */
    public static double[][] solve(int features, Design design, double[][] values, double[] emptyValue,
                                   double[] fullValue) {
        int outputs = emptyValue.length;
        int unknowns = features - 1;
        int last = features - 1;
        double[][] normal = new double[unknowns][unknowns];
        double[][] rhs = new double[outputs][unknowns];
        double[] row = new double[unknowns];
        for (int k = 0; k < design.size(); k++) {
            long mask = design.masks()[k];
            double weight = design.weights()[k];
            double lastPresent = bit(mask, last);
            for (int j = 0; j < unknowns; j++) {
                row[j] = bit(mask, j) - lastPresent;
            }
            for (int a = 0; a < unknowns; a++) {
                if (row[a] == 0) {
                    continue;
                }
                double wa = weight * row[a];
                for (int b = 0; b < unknowns; b++) {
                    normal[a][b] += wa * row[b];
                }
                for (int c = 0; c < outputs; c++) {
                    double target = values[k][c] - emptyValue[c] - lastPresent * (fullValue[c] - emptyValue[c]);
                    rhs[c][a] += wa * target;
                }
            }
        }
        double[][] factor = Cholesky.factorWithJitter(normal);
        double[][] phi = new double[outputs][features];
        for (int c = 0; c < outputs; c++) {
            double[] solution = Cholesky.solve(factor, rhs[c]);
            double sum = 0;
            for (int j = 0; j < unknowns; j++) {
                phi[c][j] = solution[j];
                sum += solution[j];
            }
            phi[c][last] = fullValue[c] - emptyValue[c] - sum;
        }
        return phi;
    }

    static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return Math.rint(result);
    }

    static long complement(long mask, int features) {
        long all = features == 64 ? -1L : (1L << features) - 1;
        return ~mask & all;
    }

    private static double bit(long mask, int index) {
        return (mask >>> index & 1L) != 0 ? 1 : 0;
    }

    private static long randomSubset(int features, int size, SplittableRandom random) {
        int[] order = ExpectedGradientsExplainer.permutation(features, random);
        long mask = 0;
        for (int i = 0; i < size; i++) {
            mask |= 1L << order[i];
        }
        return mask;
    }

    private static List<Long> subsetsOfSize(int features, int size) {
        List<Long> subsets = new ArrayList<>();
        addSubsets(features, size, 0, 0L, subsets);
        return subsets;
    }

    private static void addSubsets(int features, int size, int from, long mask, List<Long> out) {
        if (size == 0) {
            out.add(mask);
            return;
        }
        for (int i = from; i <= features - size; i++) {
            addSubsets(features, size - 1, i + 1, mask | 1L << i, out);
        }
    }
}
