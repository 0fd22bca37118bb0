package org.simsiamexplorer.model;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimSiamNetworkTest {

    /**
     * Hand count of ResNet-18 (CIFAR) without the classifier: 3x3 convs 3*64*9 + 4*64*64*9 (stage 1)
     * + 64*128*9 + 3*128*128*9 + 64*128 (stage 2 with its 1x1 shortcut) + 128*256*9 + 3*256*256*9 + 128*256
     * + 256*512*9 + 3*512*512*9 + 256*512 = 11,159,232 conv weights, plus BN scale and shift for the 4,800 BN
     * channels = 9,600: 11,168,832 (the well-known 11,173,962 of kuangliu's ResNet18 includes the 5,130 of the
     * 10-way fc). BN running mean/var are state, not parameters, and are not counted.
     */
    @Test
    void resNet18BackboneHasElevenPointOneSevenMillionTrainableParameters() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SimSiamNetwork network = SimSiamNetwork.create(SimSiamArchitecture.paper(), manager);
            assertEquals(11_168_832L, SimSiamNetwork.countTrainable(network.backbone()));
        }
    }

    /**
     * Projector 512*2048 + 2*2048 (BN) + 2048*2048 (last BN has no affine) = 5,246,976; predictor 2048*512 + 2*512
     * + 512*2048 + 2048 = 2,100,224; with the backbone 18,516,032 = 18.5M.
     */
    @Test
    void fullPaperNetworkHasEighteenPointFiveMillionTrainableParameters() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SimSiamNetwork network = SimSiamNetwork.create(SimSiamArchitecture.paper(), manager);
            assertEquals(5_246_976L, SimSiamNetwork.countTrainable(network.projector()));
            assertEquals(2_100_224L, SimSiamNetwork.countTrainable(network.predictor()));
            assertEquals(18_516_032L, SimSiamNetwork.countTrainable(network));
        }
    }

    @ParameterizedTest(name = "width {0}, d = {1}: features {2}, predictor hidden {3}")
    @CsvSource({"0.0625, 2048, 32, 512", "0.0625, 128, 32, 32", "0.125, 32, 64, 16", "0.0625, 2, 32, 16"})
    void forwardGivesFeaturesProjectionAndPredictionOfTheExpectedShapes(double width, int latent, int features,
                                                                        int predictorHidden) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SimSiamNetwork network = SimSiamNetwork.create(new SimSiamArchitecture(width, latent, 64), manager);
            NDList out = network.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(4, 3, 32, 32))), true);
            assertEquals(new Shape(4, features), out.get(0).getShape());
            assertEquals(new Shape(4, latent), out.get(1).getShape());
            assertEquals(new Shape(4, latent), out.get(2).getShape());
            assertEquals(predictorHidden, SimSiamHeads.predictorHidden(latent));
        }
    }
}
