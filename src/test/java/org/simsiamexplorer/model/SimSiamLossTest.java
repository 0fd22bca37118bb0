package org.simsiamexplorer.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimSiamLossTest {

    /**
     * p1 = (1,0), z2 = (1,1): cos = 1/sqrt2; p2 = (0,2), z1 = (3,4): cos = 8/(2*5) = 0.8;
     * L = -(0.70710678 + 0.8) / 2 = -0.75355339 (batch of one).
     */
    @Test
    void equalsTheHandComputedSymmetricNegativeCosine() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray p1 = manager.create(new float[] {1, 0}, new Shape(1, 2));
            NDArray p2 = manager.create(new float[] {0, 2}, new Shape(1, 2));
            NDArray z1 = manager.create(new float[] {3, 4}, new Shape(1, 2));
            NDArray z2 = manager.create(new float[] {1, 1}, new Shape(1, 2));
            assertEquals(-0.75355339, SimSiamLoss.of(p1, p2, z1, z2, true).getFloat(), 1e-6);
        }
    }

    @Test
    void isMinusOneWhenPredictionsPointLikeTheTargets() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray p = manager.create(new float[] {1, 2, 3, -1, 0, 5}, new Shape(2, 3));
            assertEquals(-1.0, SimSiamLoss.of(p, p.mul(2), p.mul(3), p, false).getFloat(), 1e-6);
        }
    }

    @Test
    void stopGradientLeavesThePredictorGradientUnchangedButChangesTheEncoderGradient() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            SimSiamNetwork network = SimSiamNetwork.create(SimSiamArchitecture.of(0.0625, 32), manager);
            NDArray x1 = manager.randomNormal(new Shape(4, 3, 32, 32));
            NDArray x2 = manager.randomNormal(new Shape(4, 3, 32, 32));
            List<Parameter> predictor = SimSiamNetwork.trainable(network.predictor());
            List<Parameter> encoder = new ArrayList<>(SimSiamNetwork.trainable(network.backbone()));
            encoder.addAll(SimSiamNetwork.trainable(network.projector()));

            backward(network, manager, x1, x2, true);
            List<float[]> predictorOn = copies(predictor);
            List<float[]> encoderOn = copies(encoder);
            Gradients.zero(SimSiamNetwork.trainable(network));
            backward(network, manager, x1, x2, false);
            List<float[]> predictorOff = copies(predictor);
            List<float[]> encoderOff = copies(encoder);

            for (int i = 0; i < predictor.size(); i++) {
                assertArrayEquals(predictorOn.get(i), predictorOff.get(i), 1e-6f, predictor.get(i).getName());
            }
            assertTrue(maxDifference(encoderOn, encoderOff) > 1e-6, "encoder gradient must change");
            assertFalse(allZero(encoderOn), "with stop-gradient the encoder still learns through the predictor branch");
        }
    }

    @Test
    void withoutStopGradientTheTargetBranchAloneAlsoCarriesGradient() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Engine.getEngine("PyTorch").setRandomSeed(11);
            NDArray p1 = manager.randomNormal(new Shape(3, 4));
            NDArray p2 = manager.randomNormal(new Shape(3, 4));
            NDArray z1 = manager.randomNormal(new Shape(3, 4));
            NDArray z2 = manager.randomNormal(new Shape(3, 4));
            for (NDArray a : List.of(p1, p2, z1, z2)) {
                a.setRequiresGradient(true);
            }
            for (boolean stop : new boolean[] {true, false}) {
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    collector.backward(SimSiamLoss.of(p1, p2, z1, z2, stop));
                }
                boolean targetsGetGradient = !allZero(List.of(z1.getGradient().toFloatArray(),
                        z2.getGradient().toFloatArray()));
                assertEquals(!stop, targetsGetGradient, "stop-gradient " + stop);
                assertFalse(allZero(List.of(p1.getGradient().toFloatArray(), p2.getGradient().toFloatArray())));
                for (NDArray a : List.of(p1, p2, z1, z2)) {
                    Gradients.zero(a);
                }
            }
        }
    }

    private static void backward(SimSiamNetwork network, NDManager manager, NDArray x1, NDArray x2, boolean stop) {
        ParameterStore store = new ParameterStore(manager, false);
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDList a = network.forward(store, new NDList(x1), true);
            NDList b = network.forward(store, new NDList(x2), true);
            collector.backward(SimSiamLoss.of(a.get(2), b.get(2), a.get(1), b.get(1), stop));
        }
    }

    private static List<float[]> copies(List<Parameter> parameters) {
        return parameters.stream().map(Gradients::copy).toList();
    }

    private static double maxDifference(List<float[]> a, List<float[]> b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length; j++) {
                max = Math.max(max, Math.abs(a.get(i)[j] - b.get(i)[j]));
            }
        }
        return max;
    }

    private static boolean allZero(List<float[]> arrays) {
        return arrays.stream().allMatch(a -> {
            for (float v : a) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        });
    }
}
