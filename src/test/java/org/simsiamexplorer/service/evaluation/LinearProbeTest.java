package org.simsiamexplorer.service.evaluation;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simsiamexplorer.model.Gradients;
import org.simsiamexplorer.model.SimSiamArchitecture;
import org.simsiamexplorer.model.SimSiamNetwork;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearProbeTest {
    static final SimSiamArchitecture TINY = SimSiamArchitecture.of(0.125, 32);

    @BeforeAll
    static void gradModeOff() {
        Gradients.disableGradModeOnThisThread();
    }

    static Map<String, float[]> snapshot(SimSiamNetwork network) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            values.put(parameter.getKey(), parameter.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private static EvaluationConfig tinyConfig() {
        return EvaluationConfig.linearDefaults().withEpochs(30).withBatchSize(16).withDevice("cpu");
    }

    @Test
    void frozenProbeLeavesEveryEncoderTensorBitIdentical() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SimSiamNetwork network = SimSiamNetwork.create(TINY, manager);
            Map<String, float[]> before = snapshot(network);
            LinearProbe.run(network.backbone(), TINY.featureSize(), SyntheticImages.cifarLike(4, 2), tinyConfig(),
                    manager, EvaluationListener.NONE);
            Map<String, float[]> after = snapshot(network);
            assertEquals(before.keySet(), after.keySet());
            assertTrue(before.keySet().stream().anyMatch(k -> k.contains("runningMean")),
                    "BatchNorm running statistics are part of the comparison: " + before.keySet());
            for (String name : before.keySet()) {
                assertArrayEquals(before.get(name), after.get(name), name + " changed");
            }
        }
    }

    @Test
    void probeOnARandomEncoderSeparatesVisiblyDifferentClassesAndReportsEveryTestImage() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SimSiamNetwork network = SimSiamNetwork.create(TINY, manager);
            EvaluationOutcome outcome = LinearProbe.run(network.backbone(), TINY.featureSize(),
                    SyntheticImages.cifarLike(4, 3), tinyConfig(), manager, EvaluationListener.NONE);
            assertEquals(30, outcome.report().rows());
            assertEquals(30 * 10, outcome.testProbabilities().length);
            assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, outcome.report().classCounts());
            assertTrue(outcome.report().top1() >= 0.5, "top-1 " + outcome.report().top1() + " (chance 0.1)");
            assertTrue(outcome.report().top5() >= outcome.report().top1());
            assertEquals(40, outcome.trainImages());
            assertEquals(30, outcome.history().size());
            for (int r = 0; r < 30; r++) {
                double sum = 0;
                for (int c = 0; c < 10; c++) {
                    sum += outcome.testProbabilities()[r * 10 + c];
                }
                assertEquals(1.0, sum, 1e-4);
            }
            assertEquals(30, Arrays.stream(outcome.testIndices()).distinct().count());
        }
    }
}
