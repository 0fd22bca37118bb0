package org.simsiamexplorer.app.shap;

import java.util.List;

/**
 * One explained image as the tab shows it: the picture, its per-class maps and probabilities, and the row's
 * symmetric colour scale (max |attribution| over all its classes).
 */
public record ShapRow(int datasetIndex, String trueClass, int[] rgb, int side, float[][] maps, float[] probabilities,
                      int predictedClass, float scale, String description, List<String> sums) {
    public int classes() {
        return maps.length;
    }
}
