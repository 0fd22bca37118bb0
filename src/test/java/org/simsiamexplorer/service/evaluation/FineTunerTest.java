package org.simsiamexplorer.service.evaluation;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simsiamexplorer.model.Gradients;
import org.simsiamexplorer.model.SimSiamNetwork;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FineTunerTest {
    @BeforeAll
    static void gradModeOff() {
        Gradients.disableGradModeOnThisThread();
    }

    @Test
    void fineTuningTrainsTheBackboneAndItsBatchNormStatisticsAndScoresEveryTestImage() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SimSiamNetwork network = SimSiamNetwork.create(LinearProbeTest.TINY, manager);
            Map<String, float[]> before = LinearProbeTest.snapshot(network);
            EvaluationConfig config = EvaluationConfig.finetuneDefaults().withEpochs(2).withBatchSize(10)
                    .withDevice("cpu");
            FineTuner.Result result = FineTuner.run(network.backbone(), LinearProbeTest.TINY.featureSize(),
                    SyntheticImages.cifarLike(2, 2), config, manager, EvaluationListener.NONE);
            Map<String, float[]> after = LinearProbeTest.snapshot(network);

            long changedWeights = before.keySet().stream().filter(k -> k.startsWith("01backbone"))
                    .filter(k -> k.endsWith("weight")).filter(k -> !Arrays.equals(before.get(k), after.get(k)))
                    .count();
            long backboneWeights = before.keySet().stream().filter(k -> k.startsWith("01backbone"))
                    .filter(k -> k.endsWith("weight")).count();
            assertTrue(backboneWeights > 0, before.keySet().toString());
            assertEquals(backboneWeights, changedWeights, "every backbone weight tensor is trained");
            assertTrue(before.keySet().stream().filter(k -> k.contains("runningMean"))
                            .anyMatch(k -> !Arrays.equals(before.get(k), after.get(k))),
                    "BatchNorm ran in training mode and updated its statistics");
            assertTrue(before.keySet().stream().filter(k -> k.contains("projector"))
                    .allMatch(k -> Arrays.equals(before.get(k), after.get(k))), "the projector is not used");

            EvaluationOutcome outcome = result.outcome();
            assertEquals(EvaluationMode.FINETUNE, outcome.mode());
            assertEquals(20, outcome.report().rows());
            assertEquals(20, outcome.trainImages());
            assertEquals(2, outcome.history().size());
            assertTrue(outcome.report().top5() >= outcome.report().top1());
            for (float p : outcome.testProbabilities()) {
                assertFalse(Float.isNaN(p));
            }
        }
    }
}
