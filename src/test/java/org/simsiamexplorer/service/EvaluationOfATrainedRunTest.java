package org.simsiamexplorer.service;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.service.evaluation.EvaluationConfig;
import org.simsiamexplorer.service.evaluation.EvaluationImages;
import org.simsiamexplorer.service.evaluation.EvaluationListener;
import org.simsiamexplorer.service.evaluation.EvaluationMode;
import org.simsiamexplorer.service.evaluation.EvaluationResults;
import org.simsiamexplorer.service.evaluation.EvaluationStore;
import org.simsiamexplorer.service.evaluation.Evaluator;
import org.simsiamexplorer.service.evaluation.Predictions;
import org.simsiamexplorer.service.evaluation.SyntheticImages;
import org.simsiamexplorer.service.evaluation.TrainedClassifier;
import org.simsiamexplorer.data.augment.ChannelNormalization;
import org.simsiamexplorer.data.augment.SimSiamAugmentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Train a tiny run with the real training service, evaluate it both ways, and rebuild the classifiers. */
class EvaluationOfATrainedRunTest {
    @TempDir
    static Path runs;
    static Path run;
    static final EvaluationImages IMAGES = SyntheticImages.cifarLike(2, 2);

    @BeforeAll
    static void trainOneTinyEpoch() throws Exception {
        SimSiamTrainingService service = new SimSiamTrainingService(SyntheticTrainingData.factory(2),
                KnnScorer.UNAVAILABLE);
        TrainingSession session = service.start(TinyRuns.config("tiny", 1).withKnn(0, 0), runs,
                new TrainingListener() {
                });
        assertTrue(session.awaitTermination(120, TimeUnit.SECONDS));
        assertEquals(RunState.FINISHED, session.status().state(), session.status().message());
        run = session.runDirectory();
    }

    private static float[] normalisedTestImages(Predictions predictions) {
        float[] x = new float[predictions.rows() * 3072];
        for (int r = 0; r < predictions.rows(); r++) {
            SimSiamAugmentation.writeNormalized(IMAGES.test().pixels(), predictions.datasetIndices()[r],
                    ChannelNormalization.CIFAR10, x, r * 3072);
        }
        return x;
    }

    @Test
    void linearProbeWritesItsResultsAndTheRebuiltClassifierReproducesTheStoredPredictions() throws IOException {
        EvaluationConfig config = EvaluationConfig.linearDefaults().withEpochs(5).withBatchSize(8).withDevice("cpu");
        EvaluationResults results = Evaluator.evaluate(run, config, IMAGES, EvaluationListener.NONE);
        assertEquals("step-0000000002.ckpt", results.encoder().checkpoint());
        assertEquals(1, results.encoder().pretrainEpochs());
        assertEquals(results.top1(), EvaluationStore.readResults(run, EvaluationMode.LINEAR).top1());

        Predictions stored = EvaluationStore.readPredictions(run, EvaluationMode.LINEAR);
        try (TrainedClassifier classifier = TrainedClassifier.load(run, EvaluationMode.LINEAR, "cpu")) {
            float[] again = classifier.probabilities(normalisedTestImages(stored), stored.rows());
            assertArrayEquals(stored.probabilities(), again, 1e-4f);
            assertEquals(10, classifier.classNames().size());
        }
    }

    @Test
    void fineTuningStoresItsBackboneAndTheRebuiltClassifierReproducesTheStoredPredictions() throws IOException {
        EvaluationConfig config = EvaluationConfig.finetuneDefaults().withEpochs(1).withBatchSize(10)
                .withDevice("cpu");
        Evaluator.evaluate(run, config, IMAGES, EvaluationListener.NONE);
        assertTrue(Files.isRegularFile(run.resolve("eval/finetune/backbone.params")));

        Predictions stored = EvaluationStore.readPredictions(run, EvaluationMode.FINETUNE);
        try (TrainedClassifier classifier = TrainedClassifier.load(run, EvaluationMode.FINETUNE, "cpu")) {
            float[] again = classifier.probabilities(normalisedTestImages(stored), stored.rows());
            assertArrayEquals(stored.probabilities(), again, 1e-4f);
        }
    }

    @Test
    void aRunWithoutCheckpointsIsRefusedWithAMessage() throws IOException {
        RunDirectory empty = RunDirectory.create(runs, TinyRuns.config("never-trained", 1));
        IOException e = assertThrows(IOException.class, () -> Evaluator.evaluate(empty.root(),
                EvaluationConfig.linearDefaults(), IMAGES, EvaluationListener.NONE));
        assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
    }
}
