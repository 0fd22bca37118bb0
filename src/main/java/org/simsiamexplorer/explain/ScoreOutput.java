package org.simsiamexplorer.explain;

/**
 * Which classifier output the explanations decompose. The default is {@link #LOGITS}: logits add up class evidence
 * linearly and do not saturate, so attributions of a confident prediction stay visible and each class's map is its own
 * evidence; a softmax probability couples all classes (raising one lowers the others) and flattens gradients once it
 * is near 0 or 1. {@link #PROBABILITIES} answers "what moved the predicted probability" and is offered as a setting.
 */
public enum ScoreOutput {
    LOGITS,
    PROBABILITIES;

    public static final ScoreOutput DEFAULT = LOGITS;
}
