package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnnClassifierTest {

    private static FeatureMatrix rows(FeatureMatrix all, int from, int to) {
        return new FeatureMatrix(java.util.Arrays.copyOfRange(all.values(), from * all.cols(), to * all.cols()),
                to - from, all.cols());
    }

    @Test
    void separableClustersAreClassifiedAlmostPerfectly() {
        GaussianClusters data = GaussianClusters.generate(3000, 64, 10, 1.0, 7);
        FeatureMatrix train = rows(data.features(), 0, 2000);
        FeatureMatrix test = rows(data.features(), 2000, 3000);
        int[] trainLabels = java.util.Arrays.copyOfRange(data.labels(), 0, 2000);
        int[] testLabels = java.util.Arrays.copyOfRange(data.labels(), 2000, 3000);
        double accuracy = KnnClassifier.standard().accuracy(train, trainLabels, test, testLabels,
                CancellationToken.NONE);
        assertTrue(accuracy > 0.99, "accuracy " + accuracy);
    }

    @Test
    void randomLabelsGiveChanceAccuracy() {
        GaussianClusters data = GaussianClusters.generate(6000, 32, 10, 1.0, 8);
        Random random = new Random(9);
        int[] labels = new int[6000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(10);
        }
        double accuracy = KnnClassifier.standard().accuracy(rows(data.features(), 0, 4000),
                java.util.Arrays.copyOfRange(labels, 0, 4000), rows(data.features(), 4000, 6000),
                java.util.Arrays.copyOfRange(labels, 4000, 6000), CancellationToken.NONE);
        assertEquals(0.10, accuracy, 0.035, "10 random classes");
    }

    @Test
    void oneVeryCloseNeighbourOutvotesTwoDistantOnes() {
        // train: class 0 identical to the query (similarity 1), class 1 twice at similarity 0.5
        float c = (float) Math.cos(Math.PI / 3);
        float s = (float) Math.sin(Math.PI / 3);
        FeatureMatrix train = FeatureMatrix.fromRows(new float[][]{{1, 0}, {c, s}, {c, -s}});
        FeatureMatrix test = FeatureMatrix.fromRows(new float[][]{{1, 0}});
        KnnClassifier classifier = new KnnClassifier(new KnnClassifierConfig(3, 0.1, 1));
        assertArrayEquals(new int[]{0}, classifier.predict(train, new int[]{0, 1, 1}, test, CancellationToken.NONE),
                "exp(1/0.1) outweighs 2 exp(0.5/0.1)");
        KnnClassifier flat = new KnnClassifier(new KnnClassifierConfig(3, 100, 1));
        assertArrayEquals(new int[]{1}, flat.predict(train, new int[]{0, 1, 1}, test, CancellationToken.NONE),
                "at a high temperature the majority wins");
    }

    @Test
    void mismatchedLabelCountIsReported() {
        FeatureMatrix train = FeatureMatrix.fromRows(new float[][]{{1, 0}, {0, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KnnClassifier.standard().predict(train, new int[]{0}, train, CancellationToken.NONE));
        assertTrue(e.getMessage().contains("1 train labels for 2"), e.getMessage());
    }
}
