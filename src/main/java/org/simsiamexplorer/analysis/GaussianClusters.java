package org.simsiamexplorer.analysis;

import java.util.Random;

/**
 * Synthetic labelled features for tests, benchmarks and demos: {@code clusters} centres drawn from
 * {@code N(0, centerStd^2 I)} in {@code dimensions} dimensions, then point {@code i} gets label
 * {@code i % clusters} and value {@code centre[label] + N(0, I)}. All draws come from one
 * {@link java.util.Random} seeded with {@code seed} (centres first, then points row by row), so the set is
 * reproducible; benchmarks write it to a file to compare other tools on identical data.
 */
public record GaussianClusters(FeatureMatrix features, int[] labels) {

    public static GaussianClusters generate(int points, int dimensions, int clusters, double centerStd, long seed) {
        Random random = new Random(seed);
        double[] centres = new double[clusters * dimensions];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = centerStd * random.nextGaussian();
        }
        float[] values = new float[points * dimensions];
        int[] labels = new int[points];
        for (int i = 0; i < points; i++) {
            int label = i % clusters;
            labels[i] = label;
            for (int t = 0; t < dimensions; t++) {
                values[i * dimensions + t] = (float) (centres[label * dimensions + t] + random.nextGaussian());
            }
        }
        return new GaussianClusters(new FeatureMatrix(values, points, dimensions), labels);
    }
}
