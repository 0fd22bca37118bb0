package org.simsiamexplorer.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import org.simsiamexplorer.model.CifarResNet;
import org.simsiamexplorer.model.ClassifierHead;

/**
 * The classifier evaluation builds (CIFAR ResNet-18 backbone + {@link ClassifierHead}'s linear head), randomly
 * initialised, with its BatchNorm running statistics calibrated on image-like inputs. Why calibrate: a fresh BatchNorm
 * has running mean 0 and variance 1, so in inference mode it normalises nothing and activations grow block by block;
 * a trained network's BatchNorm does normalise. Calibration = forward passes in training mode (batch statistics,
 * running statistics updated with PyTorch's momentum 0.1) over one fixed batch of smooth images, no weight changes.
 */
final class CalibratedResNet {
    private CalibratedResNet() {
    }

    static Block classifier(NDManager manager, double width, int seed, int passes, int batch) {
        Engine.getEngine("PyTorch").setRandomSeed(seed);
        SequentialBlock backbone = CifarResNet.backbone(width);
        backbone.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
        Block classifier = ClassifierHead.encoderWithHead(backbone,
                ClassifierHead.create(manager, CifarResNet.featureSize(width), 10));
        float[] images = Inputs.smoothImages(batch, 32, seed + 1);
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (int i = 0; i < passes; i++) {
                try (NDManager scope = manager.newSubManager()) {
                    classifier.forward(new ParameterStore(scope, false),
                            new NDList(scope.create(images, new Shape(batch, 3, 32, 32))), true);
                }
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        return classifier;
    }
}
