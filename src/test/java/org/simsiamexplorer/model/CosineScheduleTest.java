package org.simsiamexplorer.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CosineScheduleTest {
    @ParameterizedTest(name = "lr0 {0}, t {1} of {2} -> {3}")
    @CsvSource({
            "0.1, 0, 100, 0.1",
            "0.1, 25, 100, 0.085355339",
            "0.1, 50, 100, 0.05",
            "0.1, 75, 100, 0.014644661",
            "0.1, 100, 100, 0.0",
            "0.1, 150, 100, 0.0",
            "0.06, 1, 4, 0.051213203"})
    void followsHalfACosineFromTheInitialRateToZero(double lr0, double t, double total, double expected) {
        assertEquals(expected, CosineSchedule.lr(lr0, t, total), 1e-8);
    }
}
