package org.simsiamexplorer.service;

/**
 * The classifier output that attributions decompose. Default {@link #LOGIT}: logits are each class's own additive
 * evidence and do not saturate, so a confident prediction still gets a visible map; a probability couples all classes
 * through the softmax and has near-zero gradients once it is close to 0 or 1. The column headers always show
 * probabilities.
 */
public enum ExplainedScore {
    LOGIT("logit"),
    PROBABILITY("probability");

    private final String label;

    ExplainedScore(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
