package org.simsiamexplorer.analysis;

/**
 * A finished t-SNE layout.
 *
 * @param layout       {@code n x 2} coordinates
 * @param klDivergence final KL(P || Q)
 * @param iterations   iterations run
 */
public record TsneResult(FeatureMatrix layout, double klDivergence, int iterations) {
}
