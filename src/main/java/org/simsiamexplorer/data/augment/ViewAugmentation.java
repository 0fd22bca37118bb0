package org.simsiamexplorer.data.augment;

/**
 * Writes augmented views into float batches. Implementations must be thread-safe and deterministic in
 * (seed, epoch, image, view), so batch loaders may call them from any worker thread.
 */
public interface ViewAugmentation {

    /** Run seed; loaders also derive their shuffle order from it. */
    long seed();

    /**
     * Writes view number {@code view} of image {@code imageIndex} (planar uint8 in {@code pixels}) for
     * {@code epoch} into {@code dest[destOffset .. destOffset + 3072)} as CHW float32.
     */
    void writeView(byte[] pixels, int imageIndex, int epoch, int view, float[] dest, int destOffset);
}
