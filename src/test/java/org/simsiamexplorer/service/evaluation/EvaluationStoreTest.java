package org.simsiamexplorer.service.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.analysis.ClassificationReport;
import org.simsiamexplorer.analysis.LinearClassifier;
import org.simsiamexplorer.data.Cifar10;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationStoreTest {
    @TempDir
    Path run;

    static EvaluationOutcome outcome(EvaluationMode mode, int rows, int dim) {
        Random random = new Random(5);
        float[] weights = new float[10 * dim];
        float[] bias = new float[10];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        LinearClassifier head = new LinearClassifier(10, dim, weights, bias);
        float[] features = new float[rows * dim];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian();
        }
        int[] labels = new int[rows];
        int[] indices = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(10);
            indices[r] = 3 * r;
        }
        float[] probabilities = head.probabilities(features, rows);
        return new EvaluationOutcome(mode, head, ClassificationReport.of(probabilities, labels, 10), probabilities,
                indices, labels, 100, List.of(new EvaluationOutcome.EpochRecord(1, 2.0, 0.3, 0.1)), 1.5);
    }

    static EvaluationResults.EncoderInfo encoder() {
        return new EvaluationResults.EncoderInfo("x", "step-0000000010.ckpt", 5, 128, true, 0.125);
    }

    @Test
    void resultsHeadAndPredictionsAreWrittenAndReadBackUnchanged() throws IOException {
        EvaluationOutcome outcome = outcome(EvaluationMode.LINEAR, 40, 8);
        EvaluationStore.write(run, outcome, EvaluationConfig.linearDefaults(), encoder(), Cifar10.CLASS_NAMES, null);

        Path folder = run.resolve("eval").resolve("linear");
        for (String file : List.of("results.json", "head.f32", "test-predictions.f32", "test-predictions.json")) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), file);
        }
        assertFalse(Files.exists(folder.resolve("backbone.params")));
        EvaluationResults results = EvaluationStore.readResults(run, EvaluationMode.LINEAR);
        assertEquals(outcome.report().top1(), results.top1());
        assertEquals(outcome.report().top5(), results.top5());
        assertEquals(40, results.testImages());
        assertEquals(Cifar10.CLASS_NAMES, results.classNames());
        for (int c = 0; c < 10; c++) {
            assertEquals(results.classCounts()[c], Arrays.stream(results.confusion()[c]).sum());
        }
        LinearClassifier head = EvaluationStore.readHead(run, EvaluationMode.LINEAR);
        assertArrayEquals(outcome.head().weights(), head.weights());
        assertArrayEquals(outcome.head().bias(), head.bias());
        Predictions predictions = EvaluationStore.readPredictions(run, EvaluationMode.LINEAR);
        assertArrayEquals(outcome.testProbabilities(), predictions.probabilities());
        assertArrayEquals(outcome.testIndices(), predictions.datasetIndices());
        assertArrayEquals(outcome.testLabels(), predictions.labels());
        assertArrayEquals(outcome.report().predicted(), predictions.predicted());
    }

    @Test
    void fineTuningAlsoKeepsTheBackboneBytes() throws IOException {
        byte[] backbone = {1, 2, 3, 4, 5};
        EvaluationStore.write(run, outcome(EvaluationMode.FINETUNE, 10, 4), EvaluationConfig.finetuneDefaults(),
                encoder(), Cifar10.CLASS_NAMES, backbone);
        Path file = EvaluationStore.backboneFile(run, EvaluationMode.FINETUNE);
        assertArrayEquals(backbone, Files.readAllBytes(file));
        assertEquals("finetune", EvaluationStore.readResults(run, EvaluationMode.FINETUNE).mode());
    }

    @Test
    void aTruncatedHeadFileIsRefusedWithAMessage() throws IOException {
        EvaluationStore.write(run, outcome(EvaluationMode.LINEAR, 10, 4), EvaluationConfig.linearDefaults(),
                encoder(), Cifar10.CLASS_NAMES, null);
        Path head = run.resolve("eval/linear/head.f32");
        Files.write(head, Arrays.copyOf(Files.readAllBytes(head), 12));
        IOException e = assertThrows(IOException.class, () -> EvaluationStore.readHead(run, EvaluationMode.LINEAR));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aMissingEvaluationSaysWhichCommandCreatesIt() {
        IOException e = assertThrows(IOException.class,
                () -> EvaluationStore.readResults(run, EvaluationMode.FINETUNE));
        assertTrue(e.getMessage().contains("evaluate --mode finetune"), e.getMessage());
    }
}
