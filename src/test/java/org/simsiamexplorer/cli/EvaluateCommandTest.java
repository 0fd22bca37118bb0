package org.simsiamexplorer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.service.KnnScorer;
import org.simsiamexplorer.service.SimSiamTrainingService;
import org.simsiamexplorer.service.evaluation.EvaluationConfig;
import org.simsiamexplorer.service.evaluation.EvaluationResults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SimSiamCli cli = new SimSiamCli(new CliContext(new PrintStream(out, true), new PrintStream(err, true),
            () -> new SimSiamTrainingService(config -> {
                throw new IOException("no data in tests");
            }, KnnScorer.UNAVAILABLE), false));

    @TempDir
    Path folder;

    @Test
    void aMissingRunDirectoryIsReportedAsAFailure() {
        assertEquals(ExitCodes.FAILED, cli.run("evaluate", "--run", folder.resolve("nope").toString(), "--mode",
                "linear"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"), err.toString());
    }

    @Test
    void aMissingSpecIsReportedAsAFailure() {
        assertEquals(ExitCodes.FAILED, cli.run("experiment", "--spec", folder.resolve("none.json").toString(),
                "--out", folder.resolve("out").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"), err.toString());
    }

    @Test
    void resultsArePrintedWithTopOneTopFiveAPerClassTableAndTheConfusionMatrix() {
        int[][] confusion = new int[10][10];
        int[] counts = new int[10];
        double[] perClass = new double[10];
        for (int c = 0; c < 10; c++) {
            confusion[c][c] = 7;
            confusion[c][(c + 1) % 10] = 3;
            counts[c] = 10;
            perClass[c] = 0.7;
        }
        EvaluationResults results = new EvaluationResults(1, "linear",
                new EvaluationResults.EncoderInfo("x", "step-0000000040.ckpt", 2, 512, true, 0.125),
                EvaluationConfig.linearDefaults(), 0.7, 0.95, Cifar10.CLASS_NAMES, counts, perClass, confusion, 500,
                100, 10, 64, "head.f32", null, List.of(), 3.0, "2026-01-01T00:00:00Z");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        EvaluateCommand.print(results, new PrintStream(text, true));
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("top-1 70.00 %   top-5 95.00 %"), printed);
        assertTrue(printed.contains("automobile        10     70.0%"), printed);
        assertTrue(printed.contains("truck"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("airplane") && l.contains("    7     3")), printed);
    }
}
