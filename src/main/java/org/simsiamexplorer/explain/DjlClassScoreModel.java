package org.simsiamexplorer.explain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DJL classifier block (images in, class logits out) as a {@link DifferentiableClassScoreModel}, in inference mode
 * (BatchNorm running statistics, so samples in a batch do not influence each other).
 *
 * <p>Gradients: one forward pass of the batch with autograd on, then one backward pass per class through the same
 * graph (kept until the last class). Because samples are independent, the gradient of the batch sum of class c's
 * score is each sample's own gradient. The block's parameters stop requiring gradients for the duration, so backward
 * computes input gradients only (about half the work of a training backward pass), and are restored afterwards.
 * Autograd is switched on for the calling thread only (PyTorch's grad mode is per thread; DJL's
 * {@code GradientCollector} is not used because only one may exist per process and training may hold it).
 *
 * <p>With {@link GradientPrecision#BFLOAT16} the gradient passes run on bfloat16 copies of the parameters (made at the
 * first call, so the block must not be trained afterwards) and a bfloat16 copy of the batch; the logits are cast
 * back to float32 inside the graph, so softmax, the per-class seeds and the returned gradients are float32.
 * {@link #scores} always runs the float32 block.
 */
public final class DjlClassScoreModel implements DifferentiableClassScoreModel {
    private final Block block;
    private final NDManager manager;
    private final Shape inputShape;
    private final int classes;
    private final ScoreOutput output;
    private final int inputSize;
    private final GradientPrecision precision;
    private final Map<Parameter, NDArray> bfloat16Parameters = new IdentityHashMap<>();
    private NDManager bfloat16Manager;
    private TorchScriptCast cast;

    /**
     * @param block      initialised classifier: (N, inputShape...) -> (N, classes) logits
     * @param manager    where temporary arrays live (a sub-manager per call); must be on the block's device
     * @param inputShape shape of one input, e.g. (3, 32, 32)
     */
    public DjlClassScoreModel(Block block, NDManager manager, Shape inputShape, int classes, ScoreOutput output) {
        this(block, manager, inputShape, classes, output, GradientPrecision.FLOAT32);
    }

    /** @param precision arithmetic of {@link #classGradients} (see {@link GradientPrecision}) */
    public DjlClassScoreModel(Block block, NDManager manager, Shape inputShape, int classes, ScoreOutput output,
                              GradientPrecision precision) {
        this.block = block;
        this.precision = precision;
        this.manager = manager;
        this.inputShape = inputShape;
        this.classes = classes;
        this.output = output;
        this.inputSize = Math.toIntExact(inputShape.size());
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    public ScoreOutput output() {
        return output;
    }

    public GradientPrecision precision() {
        return precision;
    }

    @Override
    public float[] scores(float[] inputs, int count) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scope = manager.newSubManager()) {
            return scores(forward(scope, batch(scope, inputs, count), new ParameterStore(scope, false)))
                    .toFloatArray();
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    @Override
    public float[][] classGradients(float[] inputs, int count) {
        List<Parameter> trainable = block.getParameters().values().stream()
                .filter(Parameter::requiresGradient).toList();
        boolean gradMode = JniUtils.isGradMode();
        trainable.forEach(p -> p.getArray().setRequiresGradient(false));
        JniUtils.setGradMode(true);
        try (NDManager scope = manager.newSubManager()) {
            boolean bfloat16 = precision == GradientPrecision.BFLOAT16;
            ParameterStore parameters = bfloat16 ? bfloat16Parameters(scope) : new ParameterStore(scope, false);
            NDArray images = batch(scope, inputs, count);
            if (bfloat16) {
                images = cast.toBfloat16(images);
            }
            images.setRequiresGradient(true);
            NDArray logits = forward(scope, images, parameters);
            NDArray scores = scores(bfloat16 ? cast.toFloat32(logits) : logits);
            float[][] gradients = new float[classes][];
            for (int c = 0; c < classes; c++) {
                NDArray target = scores.get(":, " + c).sum();
                NDArray seed = scope.ones(target.getShape());
                JniUtils.backward((PtNDArray) target, (PtNDArray) seed, c < classes - 1, false);
                NDArray gradient = images.getGradient();
                gradients[c] = (bfloat16 ? cast.toFloat32(gradient) : gradient).toFloatArray();
                JniUtils.zeroGrad((PtNDArray) images);
            }
            return gradients;
        } finally {
            JniUtils.setGradMode(gradMode);
            trainable.forEach(p -> p.getArray().setRequiresGradient(true));
        }
    }

    private NDArray batch(NDManager scope, float[] inputs, int count) {
        if (inputs.length < (long) count * inputSize) {
            throw new IllegalArgumentException(count + " inputs need " + (long) count * inputSize + " values, got "
                    + inputs.length);
        }
        long[] dims = new long[inputShape.dimension() + 1];
        dims[0] = count;
        System.arraycopy(inputShape.getShape(), 0, dims, 1, inputShape.dimension());
        float[] exact = inputs.length == count * inputSize ? inputs : java.util.Arrays.copyOf(inputs,
                count * inputSize);
        return scope.create(exact, new Shape(dims));
    }

    private NDArray forward(NDManager scope, NDArray images, ParameterStore parameters) {
        NDArray logits = block.forward(parameters, new NDList(images), false).singletonOrThrow();
        if (logits.getShape().dimension() != 2 || logits.getShape().get(1) != classes) {
            throw new IllegalStateException("classifier gave shape " + logits.getShape() + ", expected (N, "
                    + classes + ")");
        }
        return logits;
    }

    private NDArray scores(NDArray logits) {
        return output == ScoreOutput.PROBABILITIES ? logits.softmax(1) : logits;
    }

    /**
     * A parameter store that hands the block bfloat16 copies of its parameters (DJL's layers fetch every weight
     * through the store). The copies are made once, outside autograd, and live as long as {@code manager}.
     */
    private ParameterStore bfloat16Parameters(NDManager scope) {
        if (cast == null) {
            bfloat16Manager = manager.newSubManager();
            cast = new TorchScriptCast(bfloat16Manager);
        }
        return new ParameterStore(scope, false) {
            @Override
            public NDArray getValue(Parameter parameter, Device device, boolean training) {
                if (parameter == null) {
                    return null;
                }
                return bfloat16Parameters.computeIfAbsent(parameter, p -> {
                    boolean gradMode = JniUtils.isGradMode();
                    JniUtils.setGradMode(false);
                    try {
                        NDArray copy = cast.toBfloat16(p.getArray());
                        copy.attach(bfloat16Manager);
                        return copy;
                    } finally {
                        JniUtils.setGradMode(gradMode);
                    }
                });
            }
        };
    }
}
