package org.simsiamexplorer.model;

import ai.djl.ndarray.NDArray;

/** SimSiam's symmetric loss, L = D(p1, sg(z2))/2 + D(p2, sg(z1))/2, with D the negative cosine similarity. */
public final class SimSiamLoss {
    private static final double EPSILON = 1e-12;

    private SimSiamLoss() {
    }

    /** The loss (a scalar in [-1, 1]); without stop-gradient the targets z pass gradient to both branches. */
    public static NDArray of(NDArray p1, NDArray p2, NDArray z1, NDArray z2, boolean stopGradient) {
        return negativeCosine(p1, target(z2, stopGradient)).add(negativeCosine(p2, target(z1, stopGradient))).div(2);
    }

    /** D(p, z) = -mean over the batch of cos(p_i, z_i); inputs (N, d). */
    public static NDArray negativeCosine(NDArray p, NDArray z) {
        return p.normalize(2, 1, EPSILON).mul(z.normalize(2, 1, EPSILON)).sum(new int[] {1}).mean().neg();
    }

    private static NDArray target(NDArray z, boolean stopGradient) {
        return stopGradient ? z.stopGradient() : z;
    }
}
