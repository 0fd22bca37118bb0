package org.simsiamexplorer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The two places where DJL's engine-neutral API is not enough for a hand-written training loop on PyTorch.
 * PyTorch's grad mode is per thread and on by default; DJL only turns it off on the thread that loaded the engine,
 * so a background training thread must turn it off itself (otherwise in-place parameter updates fail and
 * inference builds autograd graphs).
 */
public final class Gradients {
    /**
     * DJL's PyTorch {@code GradientCollector} is one per process (a static flag: opening a second one throws), so
     * every code path that records gradients (pre-training, fine-tuning, gradient explanations) holds this lock
     * while its collector is open; two trainings in one process then interleave their steps instead of failing.
     */
    public static final ReentrantLock COLLECTOR_LOCK = new ReentrantLock();

    private Gradients() {
    }

    /** Turns autograd recording off on the calling thread; a {@code GradientCollector} turns it on while open. */
    public static void disableGradModeOnThisThread() {
        Engine.getEngine("PyTorch");
        JniUtils.setGradMode(false);
    }

    /** Sets a parameter's accumulated gradient to zero (PyTorch accumulates across backward calls). */
    public static void zero(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    public static void zero(List<Parameter> parameters) {
        parameters.forEach(p -> zero(p.getArray()));
    }

    /** A copy of a parameter's gradient as floats (for tests and diagnostics). */
    public static float[] copy(Parameter parameter) {
        try (NDArray gradient = parameter.getArray().getGradient()) {
            return gradient.toFloatArray();
        }
    }
}
