package org.simsiamexplorer.data.augment;

import static org.simsiamexplorer.data.augment.PlanarImages.CHANNELS;
import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;

/**
 * {@code size} images, normalised but not augmented, CHW float32 with image {@code k} at {@code k * 3072};
 * for feature extraction, kNN and linear probes.
 */
public record ImageBatch(float[] images, int[] indices, byte[] labels, int size) {

    /** {@code {size, 3, 32, 32}}. */
    public long[] shape() {
        return new long[] {size, CHANNELS, SIDE, SIDE};
    }
}
