package org.simsiamexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

import java.util.List;

/**
 * The CIFAR variant of ResNet-18 (He et al. 2016, sec. 4.2 style stem; as in the SimSiam paper's appendix D):
 * a 3x3 stride-1 stem without max-pool, so 32x32 images keep their resolution into the first stage. DJL's
 * {@code ResNetV1} is the ImageNet network (7x7 stride-2 stem plus max-pool) and would shrink a CIFAR image to 8x8
 * before the first block.
 *
 * <p>Shapes for an input (N, 3, 32, 32) at width 1.0: stem (N, 64, 32, 32) -> stage 1 (N, 64, 32, 32) -> stage 2
 * (N, 128, 16, 16) -> stage 3 (N, 256, 8, 8) -> stage 4 (N, 512, 4, 4) -> global average pool (N, 512).
 */
public final class CifarResNet {
    /** ResNet-18's stage widths at width multiplier 1.0. */
    public static final int[] STAGE_WIDTHS = {64, 128, 256, 512};
    /** BasicBlocks per stage in ResNet-18. */
    public static final int[] BLOCKS_PER_STAGE = {2, 2, 2, 2};

    private CifarResNet() {
    }

    /** Channels of stage {@code stage} (0..3) at a width multiplier; never below 4 so BatchNorm stays meaningful. */
    public static int stageWidth(int stage, double widthMultiplier) {
        return Math.max(4, (int) Math.round(STAGE_WIDTHS[stage] * widthMultiplier));
    }

    /** Size of the feature vector after global average pooling: 512 at width 1.0. */
    public static int featureSize(double widthMultiplier) {
        return stageWidth(3, widthMultiplier);
    }

    /** The encoder backbone: (N, 3, 32, 32) -> (N, featureSize). */
    public static SequentialBlock backbone(double widthMultiplier) {
        SequentialBlock net = new SequentialBlock();
        int channels = stageWidth(0, widthMultiplier);
        net.add(conv3x3(channels, 1)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        int inChannels = channels;
        for (int stage = 0; stage < STAGE_WIDTHS.length; stage++) {
            int outChannels = stageWidth(stage, widthMultiplier);
            for (int block = 0; block < BLOCKS_PER_STAGE[stage]; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                net.add(basicBlock(inChannels, outChannels, stride));
                inChannels = outChannels;
            }
        }
        return net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
    }

    /**
     * conv3x3-BN-ReLU-conv3x3-BN plus the shortcut, then ReLU. The shortcut is the identity when the shape is kept
     * and a 1x1 strided conv + BN when the stride or the channel count changes ("option B" of the ResNet paper).
     */
    public static Block basicBlock(int inChannels, int outChannels, int stride) {
        SequentialBlock residual = new SequentialBlock()
                .add(conv3x3(outChannels, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv3x3(outChannels, 1)).add(BatchNorm.builder().build());
        Block shortcut = stride != 1 || inChannels != outChannels
                ? new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(outChannels)
                        .optStride(new Shape(stride, stride)).optBias(false).build()).add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(CifarResNet::addBranches, List.of(residual, shortcut)))
                .add(Activation.reluBlock());
    }

    /** 3x3 convolution with padding 1 and no bias (the BatchNorm that follows has its own shift). */
    public static Block conv3x3(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(1, 1)).optBias(false).build();
    }

    private static NDList addBranches(List<NDList> branches) {
        NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
        return new NDList(sum);
    }
}
