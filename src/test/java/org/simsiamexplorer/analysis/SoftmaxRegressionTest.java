package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxRegressionTest {
    private static final int CLASSES = 10;
    private static final int DIM = 16;

    /** Rows around one random centre per class; {@code offset} and {@code scale} move all features far from unit scale. */
    private static Labelled clusters(int perClass, double noise, double offset, double scale, long seed) {
        Random centres = new Random(7);
        float[][] centre = new float[CLASSES][DIM];
        for (int c = 0; c < CLASSES; c++) {
            for (int j = 0; j < DIM; j++) {
                centre[c][j] = (float) centres.nextGaussian();
            }
        }
        Random random = new Random(seed);
        int rows = perClass * CLASSES;
        float[] x = new float[rows * DIM];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % CLASSES;
            for (int j = 0; j < DIM; j++) {
                x[r * DIM + j] = (float) (offset + scale * (centre[labels[r]][j] + noise * random.nextGaussian()));
            }
        }
        return new Labelled(x, labels);
    }

    private record Labelled(float[] x, int[] labels) {
    }

    private static double accuracy(LinearClassifier classifier, Labelled data) {
        return ClassificationReport.of(classifier.logits(data.x(), data.labels().length), data.labels(), CLASSES)
                .top1();
    }

    @ParameterizedTest(name = "features scaled by {1} around {0}")
    @CsvSource({"0, 1", "100, 1", "0, 0.001", "5, 300"})
    void separableFeaturesAreClassifiedPerfectlyAtAnyFeatureScale(double offset, double scale) {
        Labelled train = clusters(30, 0.1, offset, scale, 1);
        Labelled test = clusters(20, 0.1, offset, scale, 2);
        LinearClassifier classifier = SoftmaxRegression.train(train.x(), train.labels(), DIM, CLASSES,
                new SoftmaxTrainingConfig(20, 32, 0.1, 0.9, 5e-4, 3), null);
        assertEquals(1.0, accuracy(classifier, train), 1e-9);
        assertEquals(1.0, accuracy(classifier, test), 1e-9);
    }

    @Test
    void trainingLossFallsFromChanceLevel() {
        Labelled train = clusters(30, 0.5, 0, 1, 1);
        double[] losses = new double[5];
        SoftmaxRegression.train(train.x(), train.labels(), DIM, CLASSES,
                new SoftmaxTrainingConfig(5, 32, 0.1, 0.9, 0, 3), (epoch, epochs, loss) -> losses[epoch - 1] = loss);
        assertTrue(losses[0] < Math.log(CLASSES), "first epoch " + losses[0]);
        assertTrue(losses[4] < losses[0] / 2, "loss went " + losses[0] + " -> " + losses[4]);
    }

    @Test
    void constantFeaturesOfACollapsedEncoderGiveAFiniteHeadAndOnePredictedClass() {
        int rows = 50;
        float[] x = new float[rows * DIM];
        java.util.Arrays.fill(x, 3.5f);
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % CLASSES;
        }
        LinearClassifier classifier = SoftmaxRegression.train(x, labels, DIM, CLASSES,
                new SoftmaxTrainingConfig(3, 16, 0.1, 0.9, 0, 3), null);
        for (float w : classifier.weights()) {
            assertEquals(0f, w);
        }
        ClassificationReport report = ClassificationReport.of(classifier.logits(x, rows), labels, CLASSES);
        assertEquals(1, java.util.Arrays.stream(report.predicted()).distinct().count());
        assertEquals(0.1, report.top1(), 1e-9);
    }

    @Test
    void nonFiniteFeaturesAreRefusedWithAMessage() {
        float[] x = new float[2 * DIM];
        x[3] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.train(x,
                new int[] {0, 1}, DIM, CLASSES, SoftmaxTrainingConfig.defaults(), null));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
