package org.simsiamexplorer.app.training;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChartScaleTest {

    /** Each row: the span of an axis, about how many ticks fit, and the 1-2-5 step expected. */
    @ParameterizedTest(name = "span {0}, {1} ticks -> step {2}")
    @CsvSource({
            "100000, 8,  10000",
            "390,    5,  100",
            "1,      5,  0.2",
            "0.022,  9,  0.002",
            "4,      4,  1",
            "0.0003, 3,  0.0001",
    })
    void tickStepsAreOneTwoOrFiveTimesAPowerOfTen(double span, double ticks, double expected) {
        assertEquals(expected, ChartScale.niceStep(span, ticks), expected * 1e-9);
    }

    @ParameterizedTest(name = "{0} with step {1} -> {2}")
    @CsvSource({
            "20000,   10000, 20k",
            "25000,   5000,  25k",
            "300,     100,   300",
            "0.014,   0.002, 0.014",
            "0.1,     0.1,   0.1",
            "1e-12,   0.1,   0.0",
            "-0.6,    0.1,   -0.6",
    })
    void tickLabelsShowJustTheDigitsTheStepNeeds(double value, double step, String expected) {
        assertEquals(expected, ChartScale.format(value, step));
    }

    @ParameterizedTest(name = "x = {0} -> index {1}")
    @CsvSource({"-5, 0", "0, 0", "4, 0", "6, 1", "10, 1", "14.9, 1", "15.1, 2", "99, 2"})
    void nearestPointIsFoundByX(double x, int expected) {
        SeriesData data = new SeriesData();
        data.add(0, 1);
        data.add(10, 2);
        data.add(20, 3);
        assertEquals(expected, ChartScale.nearest(data, x));
    }
}
