package org.simsiamexplorer.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simsiamexplorer.service.StepMetrics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressPrinterTest {

    /** Each row: run epochs (0 = unknown), the step's epoch, step in epoch of 100, the bar printed. */
    @ParameterizedTest(name = "{0} epochs, epoch {1} step {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "4|1|1|[                    ]   0%",
            "4|1|50|[==>                 ]  13%",
            "4|2|100|[=========>          ]  50%",
            "4|4|100|[====================] 100%",
            "0|3|25|[====>               ]  25%"})
    void theBarShowsTheShareOfTheWholeRunOrOfTheEpochWhenTheRunLengthIsUnknown(int epochs, int epoch, int step,
                                                                                 String expected) {
        ProgressPrinter printer = new ProgressPrinter(new PrintStream(new ByteArrayOutputStream()), 30, epochs);
        StepMetrics metrics = new StepMetrics(epoch, (epoch - 1) * 100L + step, step, 100, -0.5, 0.1, 300, 60, 0.02);
        assertEquals(expected, printer.bar(metrics));
    }
}
