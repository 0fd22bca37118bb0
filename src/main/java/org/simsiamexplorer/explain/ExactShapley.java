package org.simsiamexplorer.explain;

/**
 * Shapley values by their definition, from the value of every coalition:
 * <pre>  phi_i = sum over S not containing i of |S|! (d - |S| - 1)! / d! * (v(S + i) - v(S))</pre>
 * Coalitions are bit masks (bit i = feature i present), so {@code 2^d} values are needed; fine up to d of about 16.
 */
public final class ExactShapley {
    /** Largest feature count this class accepts (2^20 coalitions). */
    public static final int MAX_FEATURES = 20;

    private ExactShapley() {
    }

    /**
     * @param features     d
     * @param valueByMask  {@code valueByMask[mask][c]}: value of coalition {@code mask} for output c; 2^d rows
     * @return {@code phi[c][i]}
     */
    public static double[][] values(int features, double[][] valueByMask) {
        if (features < 1 || features > MAX_FEATURES) {
            throw new IllegalArgumentException("exact Shapley values need 1.." + MAX_FEATURES + " features, got "
                    + features);
        }
        int coalitions = 1 << features;
        if (valueByMask.length != coalitions) {
            throw new IllegalArgumentException(features + " features need " + coalitions + " coalition values, got "
                    + valueByMask.length);
        }
        int outputs = valueByMask[0].length;
        double[] weightBySize = weightsBySize(features);
        double[][] phi = new double[outputs][features];
        for (int mask = 0; mask < coalitions; mask++) {
            double weight = weightBySize[Integer.bitCount(mask)];
            for (int i = 0; i < features; i++) {
                int bit = 1 << i;
                if ((mask & bit) != 0) {
                    continue;
                }
                double[] with = valueByMask[mask | bit];
                double[] without = valueByMask[mask];
                for (int c = 0; c < outputs; c++) {
                    phi[c][i] += weight * (with[c] - without[c]);
                }
            }
        }
        return phi;
    }

    /**
     * |S|! (d - |S| - 1)! / d! for |S| = 0..d-1, computed as 1 / (d * C(d-1, |S|)) to stay exact in doubles; index d
     * (the full coalition, which never lacks a feature) is 0.
     */
    static double[] weightsBySize(int features) {
        double[] weights = new double[features + 1];
        for (int size = 0; size < features; size++) {
            weights[size] = 1.0 / (features * KernelShap.binomial(features - 1, size));
        }
        return weights;
    }
}
