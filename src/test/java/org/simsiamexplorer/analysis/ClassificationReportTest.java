package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationReportTest {

    private static float[] randomScores(Random random, int rows, int classes, boolean coarse) {
        float[] scores = new float[rows * classes];
        for (int i = 0; i < scores.length; i++) {
            // coarse scores produce many ties, which is where top-k bookkeeping usually goes wrong
            scores[i] = coarse ? random.nextInt(3) : (float) random.nextGaussian() * 4;
        }
        return scores;
    }

    private static int[] randomLabels(Random random, int rows, int classes) {
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(classes);
        }
        return labels;
    }

    @RepeatedTest(50)
    void topFiveIsNeverBelowTopOneAndTopOneMatchesThePredictions(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int classes = 2 + random.nextInt(12);
        int rows = 1 + random.nextInt(200);
        int[] labels = randomLabels(random, rows, classes);
        ClassificationReport report = ClassificationReport.of(randomScores(random, rows, classes,
                repetition.getCurrentRepetition() % 2 == 0), labels, classes);
        assertTrue(report.top5() >= report.top1(), report.top5() + " < " + report.top1());
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            correct += report.predicted()[r] == labels[r] ? 1 : 0;
        }
        assertEquals((double) correct / rows, report.top1(), 1e-12);
        if (classes <= ClassificationReport.TOP_K) {
            assertEquals(1.0, report.top5(), 1e-12);
        }
    }

    @RepeatedTest(20)
    void confusionRowsSumToTheClassCountsAndTheDiagonalGivesPerClassAccuracy(RepetitionInfo repetition) {
        Random random = new Random(100 + repetition.getCurrentRepetition());
        int classes = 10;
        int rows = 300;
        int[] labels = randomLabels(random, rows, classes);
        ClassificationReport report = ClassificationReport.of(randomScores(random, rows, classes, false), labels,
                classes);
        int[] counted = new int[classes];
        for (int label : labels) {
            counted[label]++;
        }
        assertArrayEquals(counted, report.classCounts());
        int total = 0;
        for (int c = 0; c < classes; c++) {
            assertEquals(counted[c], Arrays.stream(report.confusion()[c]).sum(), "row " + c);
            assertEquals((double) report.confusion()[c][c] / counted[c], report.perClassAccuracy()[c], 1e-12);
            total += report.confusion()[c][c];
        }
        assertEquals((double) total / rows, report.top1(), 1e-12);
    }

    @Test
    void handWorkedExampleGivesTheExpectedTopOneTopFiveAndConfusion() {
        // 6 classes; row 0: label 0 ranked first; row 1: label 1 ranked 6th (last); row 2: label 2 ranked 2nd
        float[] scores = {
                9, 1, 2, 3, 4, 5,
                6, 0, 5, 4, 3, 2,
                1, 2, 8, 9, 0, 0};
        ClassificationReport report = ClassificationReport.of(scores, new int[] {0, 1, 2}, 6);
        assertEquals(1.0 / 3, report.top1(), 1e-12);
        assertEquals(2.0 / 3, report.top5(), 1e-12);
        assertArrayEquals(new int[] {0, 0, 3}, report.predicted());
        assertEquals(1, report.confusion()[1][0]);
        assertEquals(1, report.confusion()[2][3]);
        assertEquals(Double.NaN, report.perClassAccuracy()[4]);
    }

    @Test
    void tiesGoToTheLowerClassForBothThePredictionAndTheRank() {
        float[] scores = {1, 1, 1};
        assertEquals(0, ClassificationReport.argMax(scores, 0, 3));
        assertEquals(0, ClassificationReport.rank(scores, 0, 3, 0));
        assertEquals(2, ClassificationReport.rank(scores, 0, 3, 2));
    }
}
