package org.simsiamexplorer.explain;

/**
 * Splits a CHW image into a {@code grid x grid} layout of patches (feature i = row-major patch i) and builds the image
 * of a coalition: present patches from the image, absent ones from a replacement image. When the grid does not divide
 * the side (3 on 32 pixels) the patches differ by a pixel (rows {@code floor(k * side / grid)} onwards).
 */
public final class PatchMasker {
    private final int channels;
    private final int side;
    private final int grid;
    private final int[] featureOfPixel;
    private final int[] pixelsOfFeature;

    public PatchMasker(int channels, int side, int grid) {
        if (grid < 1 || grid > side) {
            throw new IllegalArgumentException("grid " + grid + " must be between 1 and the image side " + side);
        }
        this.channels = channels;
        this.side = side;
        this.grid = grid;
        featureOfPixel = new int[side * side];
        pixelsOfFeature = new int[grid * grid];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int feature = (y * grid / side) * grid + x * grid / side;
                featureOfPixel[y * side + x] = feature;
                pixelsOfFeature[feature]++;
            }
        }
    }

    public int features() {
        return grid * grid;
    }

    public int inputSize() {
        return channels * side * side;
    }

    /** The patch (feature) that pixel (y, x) belongs to. */
    public int featureOf(int y, int x) {
        return featureOfPixel[y * side + x];
    }

    /** Writes the coalition's image into {@code out} at {@code offset}. */
    public void compose(float[] image, float[] replacement, long coalition, float[] out, int offset) {
        int plane = side * side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean present = (coalition >>> featureOfPixel[y * side + x] & 1L) != 0;
                float[] source = present ? image : replacement;
                int pixel = y * side + x;
                for (int c = 0; c < channels; c++) {
                    out[offset + c * plane + pixel] = source[c * plane + pixel];
                }
            }
        }
    }

    /** Spreads per-feature values evenly over the patch's elements, so a map's sum equals the features' sum. */
    public float[] spread(double[] featureValues) {
        int plane = side * side;
        float[] out = new float[channels * plane];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int feature = featureOfPixel[y * side + x];
                float value = (float) (featureValues[feature] / ((double) channels * pixelsOfFeature[feature]));
                for (int c = 0; c < channels; c++) {
                    out[c * plane + y * side + x] = value;
                }
            }
        }
        return out;
    }

    /** Box blur of radius r applied twice per channel (edges clamped): a cheap near-Gaussian blur. */
    public float[] blurred(float[] image, int radius) {
        float[] result = image.clone();
        if (radius == 0) {
            return result;
        }
        int plane = side * side;
        float[] scratch = new float[plane];
        for (int c = 0; c < channels; c++) {
            for (int pass = 0; pass < 2; pass++) {
                boxPass(result, c * plane, scratch, radius, true);
                boxPass(result, c * plane, scratch, radius, false);
            }
        }
        return result;
    }

    private void boxPass(float[] data, int base, float[] scratch, int radius, boolean horizontal) {
        for (int line = 0; line < side; line++) {
            for (int i = 0; i < side; i++) {
                double sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    int j = Math.min(side - 1, Math.max(0, i + k));
                    sum += data[base + (horizontal ? line * side + j : j * side + line)];
                }
                scratch[horizontal ? line * side + i : i * side + line] = (float) (sum / (2 * radius + 1));
            }
        }
        System.arraycopy(scratch, 0, data, base, side * side);
    }
}
