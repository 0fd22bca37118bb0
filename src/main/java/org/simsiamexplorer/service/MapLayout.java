package org.simsiamexplorer.service;

/**
 * A 2-D layout of one feature set: row {@code i} of the features sits at {@code (xy[2i], xy[2i+1])}.
 *
 * @param explainedVariance fraction of the feature variance each PCA axis explains (2 values); empty for t-SNE
 */
public record MapLayout(LayoutSpec spec, int rows, float[] xy, double[] explainedVariance) {
    public MapLayout {
        if (xy.length != 2L * rows) {
            throw new IllegalArgumentException("a layout of " + rows + " rows needs " + 2L * rows
                    + " coordinates, got " + xy.length);
        }
        explainedVariance = explainedVariance == null ? new double[0] : explainedVariance;
    }
}
