package org.simsiamexplorer.data.augment;

import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;
import static org.simsiamexplorer.data.augment.PlanarImages.CHANNELS;
import static org.simsiamexplorer.data.augment.PlanarImages.PIXELS_PER_CHANNEL;
import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;

/**
 * Renders a view from drawn {@link ViewParameters}: one fused pass does crop, bilinear resize and flip from
 * uint8 into float, then colour operations run in place on the destination, and normalisation last.
 * The destination region doubles as the work buffer, so nothing is allocated per pixel.
 */
final class ViewRenderer {
    /** {@code UNIT[b] = b / 255f}: the one uint8 -> [0, 1] conversion every path uses. */
    private static final float[] UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            UNIT[i] = i / 255f;
        }
    }

    private ViewRenderer() {
    }

    static void render(byte[] pixels, int imageIndex, ViewParameters parameters, ChannelNormalization normalization,
                       float[] dest, int destOffset) {
        int source = checkedImageOffset(pixels, imageIndex);
        checkDestination(dest, destOffset);
        if (parameters.crop().equals(CropBox.FULL) && !parameters.flip()) {
            copyToUnit(pixels, source, dest, destOffset);
        } else {
            cropResizeFlip(pixels, source, parameters.crop(), parameters.flip(), dest, destOffset);
        }
        ColorJitterParameters jitter = parameters.jitter();
        for (JitterOperation operation : jitter.order()) {
            switch (operation) {
                case BRIGHTNESS -> ColorAdjustments.brightness(dest, destOffset, jitter.brightness());
                case CONTRAST -> ColorAdjustments.contrast(dest, destOffset, jitter.contrast());
                case SATURATION -> ColorAdjustments.saturation(dest, destOffset, jitter.saturation());
                case HUE -> ColorAdjustments.hue(dest, destOffset, jitter.hue());
            }
        }
        if (parameters.grayscale()) {
            ColorAdjustments.grayscale(dest, destOffset);
        }
        ColorAdjustments.normalize(dest, destOffset, normalization);
    }

    /** Lookup table per channel: normalised value of each byte, identical to {@code render} with no changes. */
    static float[][] normalizedByteTable(ChannelNormalization normalization) {
        float[][] table = new float[CHANNELS][256];
        for (int c = 0; c < CHANNELS; c++) {
            for (int b = 0; b < 256; b++) {
                table[c][b] = normalization.apply(c, UNIT[b]);
            }
        }
        return table;
    }

    /** Evaluation path: normalise the whole image through the table, one lookup per value. */
    static void writeNormalized(byte[] pixels, int imageIndex, float[][] normalizedByteTable, float[] dest,
                                int destOffset) {
        int source = checkedImageOffset(pixels, imageIndex);
        checkDestination(dest, destOffset);
        for (int c = 0; c < CHANNELS; c++) {
            float[] table = normalizedByteTable[c];
            int in = source + c * PIXELS_PER_CHANNEL;
            int out = destOffset + c * PIXELS_PER_CHANNEL;
            for (int p = 0; p < PIXELS_PER_CHANNEL; p++) {
                dest[out + p] = table[pixels[in + p] & 0xFF];
            }
        }
    }

    private static void copyToUnit(byte[] pixels, int source, float[] dest, int destOffset) {
        for (int p = 0; p < BYTES_PER_IMAGE; p++) {
            dest[destOffset + p] = UNIT[pixels[source + p] & 0xFF];
        }
    }

    /**
     * Bilinear resize of the crop to 32x32 with PyTorch's {@code align_corners=False} sampling (what torchvision's
     * resize uses; when enlarging, its antialias filter gives the same weights), mirrored when {@code flip}.
     * Flipping before colour work is exact: every colour operation is per pixel or uses the image mean.
     * Separable, in PyTorch's order: each crop row is interpolated along x once (the only byte lookups), then
     * output rows blend two of those rows, a loop the JIT can vectorise.
     */
    static void cropResizeFlip(byte[] pixels, int source, CropBox crop, boolean flip, float[] dest, int destOffset) {
        int[] column0 = new int[SIDE];
        int[] column1 = new int[SIDE];
        float[] columnWeight = new float[SIDE];
        int[] row0 = new int[SIDE];
        int[] row1 = new int[SIDE];
        float[] rowWeight = new float[SIDE];
        samplingAxis(crop.left(), crop.width(), flip, column0, column1, columnWeight);
        samplingAxis(0, crop.height(), false, row0, row1, rowWeight);
        float[] resizedRows = new float[crop.height() * SIDE]; // crop rows, already 32 wide
        for (int c = 0; c < CHANNELS; c++) {
            int plane = source + c * PIXELS_PER_CHANNEL + crop.top() * SIDE;
            for (int row = 0; row < crop.height(); row++) {
                int in = plane + row * SIDE;
                int out = row * SIDE;
                for (int x = 0; x < SIDE; x++) {
                    float rightWeight = columnWeight[x];
                    resizedRows[out + x] = (1f - rightWeight) * UNIT[pixels[in + column0[x]] & 0xFF]
                            + rightWeight * UNIT[pixels[in + column1[x]] & 0xFF];
                }
            }
            int out = destOffset + c * PIXELS_PER_CHANNEL;
            for (int y = 0; y < SIDE; y++) {
                int upper = row0[y] * SIDE;
                int lower = row1[y] * SIDE;
                float lowerWeight = rowWeight[y];
                float upperWeight = 1f - lowerWeight;
                for (int x = 0; x < SIDE; x++) {
                    dest[out + x] = upperWeight * resizedRows[upper + x] + lowerWeight * resizedRows[lower + x];
                }
                out += SIDE;
            }
        }
    }

    /** Source indices and weight of the second sample for each output coordinate along one axis. */
    static void samplingAxis(int start, int length, boolean reverse, int[] first, int[] second, float[] secondWeight) {
        float scale = (float) length / SIDE;
        for (int d = 0; d < SIDE; d++) {
            float position = Math.max(0f, scale * (d + 0.5f) - 0.5f);
            int index = (int) position;
            int target = reverse ? SIDE - 1 - d : d;
            first[target] = start + index;
            second[target] = start + (index < length - 1 ? index + 1 : index);
            secondWeight[target] = position - index;
        }
    }

    private static int checkedImageOffset(byte[] pixels, int imageIndex) {
        long offset = (long) imageIndex * BYTES_PER_IMAGE;
        if (imageIndex < 0 || offset + BYTES_PER_IMAGE > pixels.length) {
            throw new IndexOutOfBoundsException("image " + imageIndex + " is outside the pixel array of "
                    + pixels.length + " bytes (" + pixels.length / BYTES_PER_IMAGE + " images)");
        }
        return (int) offset;
    }

    private static void checkDestination(float[] dest, int destOffset) {
        if (destOffset < 0 || (long) destOffset + BYTES_PER_IMAGE > dest.length) {
            throw new IndexOutOfBoundsException("destination offset " + destOffset + " leaves no room for "
                    + BYTES_PER_IMAGE + " floats in an array of " + dest.length);
        }
    }
}
