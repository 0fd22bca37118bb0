package org.simsiamexplorer.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageExplanationTest {

    /**
     * Two classes, two pixels each. Each row: the attribution sums of class 0 and 1 (split over the pixels), their
     * score changes (input - base), the expected gap: worst |sum - change| over the largest |change|.
     */
    @ParameterizedTest(name = "sums {0}/{1}, changes {2}/{3} -> gap {4}")
    @CsvSource({
            "2.0,  -1.0,  2.0,  -1.0,  0.0",
            "1.8,  -1.0,  2.0,  -1.0,  0.1",
            "2.0,  -0.5,  2.0,  -1.0,  0.25",
            "0.0,   0.0,  0.0,   0.0,  0.0",
            "0.3,   0.0,  0.0,   0.0,  Infinity"})
    void completenessGapIsTheWorstClassMissRelativeToTheLargestScoreChange(double sum0, double sum1, double change0,
                                                                           double change1, double expected) {
        float[][] maps = {{(float) sum0 / 2, (float) sum0 / 2}, {(float) sum1 / 2, (float) sum1 / 2}};
        float[] base = {0.5f, 0.25f};
        float[] input = {(float) (0.5 + change0), (float) (0.25 + change1)};
        ImageExplanation explanation = new ImageExplanation(0, 0, new float[] {0.5f, 0.5f}, maps, input, base, 1,
                "test", 1);
        assertEquals(expected, explanation.completenessGap(), 1e-6);
    }
}
