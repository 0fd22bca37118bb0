package org.simsiamexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * The evaluation classifier: one linear layer (with bias) from backbone features to class logits, and the
 * "encoder + head" network built from a backbone and such a head. The softmax is not part of the block: logits go
 * into the cross-entropy and the attribution code; probabilities are a softmax away.
 */
public final class ClassifierHead {
    private ClassifierHead() {
    }

    /** A freshly initialised head (features -> classes), parameters in {@code manager}. */
    public static Linear create(NDManager manager, int featureSize, int classes) {
        Linear head = Linear.builder().setUnits(classes).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(1, featureSize));
        return head;
    }

    /** A head holding the given weights (classes x featureSize, row-major) and bias. */
    public static Linear create(NDManager manager, int featureSize, int classes, float[] weights, float[] bias) {
        Linear head = create(manager, featureSize, classes);
        setWeights(head, weights, bias);
        return head;
    }

    /** Overwrites an initialised head's weight (classes x featureSize) and bias (classes). */
    public static void setWeights(Block head, float[] weights, float[] bias) {
        NDArray w = parameter(head, "weight").getArray();
        NDArray b = parameter(head, "bias").getArray();
        if (w.size() != weights.length || b.size() != bias.length) {
            throw new IllegalArgumentException("head has " + w.getShape() + " weights and " + b.getShape()
                    + " bias, got " + weights.length + " and " + bias.length + " values");
        }
        w.set(weights);
        b.set(bias);
    }

    public static float[] weights(Block head) {
        return parameter(head, "weight").getArray().toFloatArray();
    }

    public static float[] bias(Block head) {
        return parameter(head, "bias").getArray().toFloatArray();
    }

    /**
     * Backbone then head: (N, 3, 32, 32) normalised images -> (N, classes) logits. Both blocks must already be
     * initialised; the returned block shares their parameters (it is a view, not a copy), so do not call
     * {@code initialize} on it.
     */
    public static SequentialBlock encoderWithHead(Block backbone, Block head) {
        return new SequentialBlock().add(backbone).add(head);
    }

    private static Parameter parameter(Block head, String name) {
        Parameter parameter = head.getParameters().get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("block " + head + " is not a linear head: it has no " + name);
        }
        return parameter;
    }
}
