package org.simsiamexplorer.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

import java.util.List;

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
 */
public final class DjlClassScoreModel implements DifferentiableClassScoreModel {
    private final Block block;
    private final NDManager manager;
    private final Shape inputShape;
    private final int classes;
    private final ScoreOutput output;
    private final int inputSize;

    /**
     * @param block      initialised classifier: (N, inputShape...) -> (N, classes) logits
     * @param manager    where temporary arrays live (a sub-manager per call); must be on the block's device
     * @param inputShape shape of one input, e.g. (3, 32, 32)
     */
    public DjlClassScoreModel(Block block, NDManager manager, Shape inputShape, int classes, ScoreOutput output) {
        this.block = block;
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

    @Override
    public float[] scores(float[] inputs, int count) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scope = manager.newSubManager()) {
            return forward(scope, batch(scope, inputs, count)).toFloatArray();
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
            NDArray images = batch(scope, inputs, count);
            images.setRequiresGradient(true);
            NDArray scores = forward(scope, images);
            float[][] gradients = new float[classes][];
            for (int c = 0; c < classes; c++) {
                NDArray target = scores.get(":, " + c).sum();
                NDArray seed = scope.ones(target.getShape());
                JniUtils.backward((PtNDArray) target, (PtNDArray) seed, c < classes - 1, false);
                NDArray gradient = images.getGradient();
                gradients[c] = gradient.toFloatArray();
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

    private NDArray forward(NDManager scope, NDArray images) {
        NDArray logits = block.forward(new ParameterStore(scope, false), new NDList(images), false)
                .singletonOrThrow();
        if (logits.getShape().dimension() != 2 || logits.getShape().get(1) != classes) {
            throw new IllegalStateException("classifier gave shape " + logits.getShape() + ", expected (N, "
                    + classes + ")");
        }
        return output == ScoreOutput.PROBABILITIES ? logits.softmax(1) : logits;
    }
}
