package org.simsiamexplorer.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * SimSiam's projector and predictor (facebookresearch/simsiam builder.py; paper appendix D for CIFAR).
 * Linear layers followed by BatchNorm have no bias: the BN shift makes it redundant.
 */
public final class SimSiamHeads {
    /** The projector's hidden width in the paper's CIFAR setting. */
    public static final int PROJECTOR_HIDDEN = 2048;
    /** Floor of the predictor's hidden width, so that d = 32 or d = 2 still get a usable predictor. */
    public static final int MIN_PREDICTOR_HIDDEN = 16;

    private SimSiamHeads() {
    }

    /**
     * CIFAR projector, 2 layers: fc(featureSize -> 2048)-BN-ReLU-fc(2048 -> d)-BN without affine parameters
     * (the paper: "the output fc has BN without ReLU"; the last BN has no learnable scale or shift).
     */
    public static Block projector(int hidden, int latentDim) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(latentDim).optBias(false).build())
                .add(BatchNorm.builder().optCenter(false).optScale(false).build());
    }

    /** Predictor bottleneck: fc(d -> h)-BN-ReLU-fc(h -> d), the output layer with bias and no BN. */
    public static Block predictor(int latentDim) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(predictorHidden(latentDim)).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(latentDim).build());
    }

    /**
     * The paper's d/4 bottleneck (2048 -> 512, 512 -> 128, 128 -> 32) with a floor of 16: for d = 32 the predictor
     * is 32 -> 16 -> 32 (a 2x bottleneck instead of a 4x one that would leave 8 units), and for d = 2 it is
     * 2 -> 16 -> 2, an expansion, because a 0- or 1-unit hidden layer after BN+ReLU would make the predictor
     * nearly constant and training meaningless.
     */
    public static int predictorHidden(int latentDim) {
        return Math.max(latentDim / 4, MIN_PREDICTOR_HIDDEN);
    }
}
