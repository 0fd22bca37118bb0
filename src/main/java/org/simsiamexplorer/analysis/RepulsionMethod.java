package org.simsiamexplorer.analysis;

/** How t-SNE computes its repulsive forces. */
public enum RepulsionMethod {
    /** Interpolation on a grid + FFT (FIt-SNE); O(n) per iteration plus a grid-sized FFT. The default;
     * {@link Tsne} uses exact forces anyway below {@link Tsne#EXACT_BELOW} points. */
    FFT_INTERPOLATION,
    /** All pairs, O(n^2) per iteration: only for small sets and for checking the approximation. */
    EXACT
}
