package org.simsiamexplorer.data.augment;

import static org.simsiamexplorer.data.augment.PlanarImages.CHANNELS;
import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;

/**
 * Two augmented views of the same {@code size} images. {@code view1} and {@code view2} are CHW float32,
 * normalised, image {@code k} at {@code k * 3072}: ready for {@code manager.create(view1, new Shape(shape()))}.
 *
 * @param indices dataset index of each image in the batch
 * @param labels  class label of each image (for monitoring only; SimSiam does not train on them)
 */
public record TwoViewBatch(float[] view1, float[] view2, int[] indices, byte[] labels, int size) {

    /** {@code {size, 3, 32, 32}}. */
    public long[] shape() {
        return new long[] {size, CHANNELS, SIDE, SIDE};
    }
}
