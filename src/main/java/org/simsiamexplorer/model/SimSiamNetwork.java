package org.simsiamexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * SimSiam (Chen &amp; He 2021) for CIFAR: encoder f = backbone + projector, predictor h.
 * {@code forward(x)} returns (features, z, p) for one view:
 * <pre>
 *   x (N, 3, 32, 32) -> backbone -> features (N, 512*w) -> projector -> z (N, d) -> predictor -> p (N, d)
 * </pre>
 * Each view goes through its own forward call so that BatchNorm sees per-view batch statistics, as in the reference
 * implementation.
 */
public final class SimSiamNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    private final SimSiamArchitecture architecture;
    private final Block backbone;
    private final Block projector;
    private final Block predictor;

    private SimSiamNetwork(SimSiamArchitecture architecture) {
        super(VERSION);
        this.architecture = architecture;
        backbone = addChildBlock("backbone", CifarResNet.backbone(architecture.widthMultiplier()));
        projector = addChildBlock("projector",
                SimSiamHeads.projector(architecture.projectorHidden(), architecture.latentDim()));
        predictor = addChildBlock("predictor", SimSiamHeads.predictor(architecture.latentDim()));
    }

    /** A new network with freshly initialised parameters in {@code manager} (and on its device). */
    public static SimSiamNetwork create(SimSiamArchitecture architecture, NDManager manager) {
        SimSiamNetwork network = new SimSiamNetwork(architecture);
        network.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
        return network;
    }

    public SimSiamArchitecture architecture() {
        return architecture;
    }

    public Block backbone() {
        return backbone;
    }

    public Block projector() {
        return projector;
    }

    public Block predictor() {
        return predictor;
    }

    /** Backbone features after global average pooling, in inference mode (BN running statistics). */
    public NDArray features(ParameterStore parameters, NDArray images) {
        return backbone.forward(parameters, new NDList(images), false).singletonOrThrow();
    }

    /** Learnable parameters only (BN running statistics are state, not parameters). */
    public static List<Parameter> trainable(Block block) {
        return block.getParameters().values().stream().filter(Parameter::requiresGradient).toList();
    }

    /** Number of learnable values in a block. */
    public static long countTrainable(Block block) {
        return trainable(block).stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameters, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray features = backbone.forward(parameters, inputs, training, params).singletonOrThrow();
        NDArray z = projector.forward(parameters, new NDList(features), training, params).singletonOrThrow();
        NDArray p = predictor.forward(parameters, new NDList(z), training, params).singletonOrThrow();
        return new NDList(features, z, p);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {new Shape(batch, architecture.featureSize()), new Shape(batch, architecture.latentDim()),
                new Shape(batch, architecture.latentDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] featureShape = backbone.getOutputShapes(inputShapes);
        projector.initialize(manager, dataType, featureShape);
        predictor.initialize(manager, dataType, projector.getOutputShapes(featureShape));
    }
}
