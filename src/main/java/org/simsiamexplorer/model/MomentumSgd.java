package org.simsiamexplorer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum and weight decay over parameter groups, written over NDArray ops so the momentum buffers can be
 * checkpointed and each group can have its own learning rate (DJL's {@code Optimizer} has neither). Same update as
 * {@code torch.optim.SGD}: {@code g += wd * w; buf = momentum * buf + g; w -= lr * buf} (buffers start at zero, so
 * the first step gives buf = g like PyTorch).
 *
 * <p>Call {@link #step} after the {@code GradientCollector} is closed (grad mode off), inside a short-lived
 * {@link NDManager} that receives the temporaries.
 */
public final class MomentumSgd {
    private final double momentum;
    private final double weightDecay;
    private final List<Parameter> parameters;
    private final List<NDArray> buffers = new ArrayList<>();

    /** Buffers live in {@code stateManager} (the model's manager); parameters in a fixed order define the state. */
    public MomentumSgd(List<Parameter> parameters, double momentum, double weightDecay, NDManager stateManager) {
        this.parameters = List.copyOf(parameters);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        for (Parameter parameter : this.parameters) {
            buffers.add(stateManager.zeros(parameter.getArray().getShape(), parameter.getArray().getDataType()));
        }
    }

    /**
     * Updates the parameters selected by {@code group} (indices into the constructor's list) with {@code lr}, then
     * zeroes their gradients. Temporaries are attached to {@code scratch}.
     */
    public void step(List<Integer> group, double lr, NDManager scratch) {
        for (int i : group) {
            NDArray weight = parameters.get(i).getArray();
            NDArray buffer = buffers.get(i);
            // every new array is attached to scratch at once: an op's result belongs to its left operand's
            // manager, which for weights and buffers is the long-lived model manager (a leak of a model per step)
            NDArray gradient = weight.getGradient();
            gradient.attach(scratch);
            if (weightDecay != 0) {
                NDArray decay = weight.mul(weightDecay);
                decay.attach(scratch);
                gradient.addi(decay);
            }
            buffer.muli(momentum).addi(gradient);
            NDArray update = buffer.mul(lr);
            update.attach(scratch);
            weight.subi(update);
            Gradients.zero(weight);
        }
    }

    public int size() {
        return parameters.size();
    }

    /** Momentum buffers in parameter order, with their count and shapes (checked again on load). */
    public void save(DataOutputStream out) throws IOException {
        out.writeInt(buffers.size());
        for (NDArray buffer : buffers) {
            byte[] encoded = buffer.encode();
            out.writeInt(encoded.length);
            out.write(encoded);
        }
    }

    public void load(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count != buffers.size()) {
            throw new IOException("optimizer state has " + count + " momentum buffers, the model has "
                    + buffers.size() + " parameters: the checkpoint belongs to a different architecture");
        }
        for (int i = 0; i < count; i++) {
            byte[] encoded = new byte[in.readInt()];
            in.readFully(encoded);
            NDArray target = buffers.get(i);
            try (NDManager temp = target.getManager().newSubManager()) {
                NDArray loaded = NDArray.decode(temp, encoded);
                if (!loaded.getShape().equals(target.getShape())) {
                    throw new IOException("momentum buffer " + i + " has shape " + loaded.getShape()
                            + " but parameter " + parameters.get(i).getName() + " has " + target.getShape());
                }
                target.set(loaded.toByteBuffer());
            }
        }
    }
}
