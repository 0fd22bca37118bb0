package org.simsiamexplorer.explain;

/** A {@link ClassScoreModel} that can also give the gradient of each class score with respect to its input. */
public interface DifferentiableClassScoreModel extends ClassScoreModel {
    /**
     * For every class c, the gradient of each input's score for c with respect to that input:
     * {@code result[c]} has {@code count * inputSize()} floats, laid out like {@code inputs}. Inputs must not
     * influence each other (inference mode: BatchNorm uses its running statistics).
     */
    float[][] classGradients(float[] inputs, int count);
}
