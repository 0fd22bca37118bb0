package org.simsiamexplorer.data.augment;

import java.util.Objects;

/**
 * CIFAR-10 images as uint8 in the official planar layout: image {@code i} starts at {@code i * BYTES_PER_IMAGE},
 * 1024 red bytes, then 1024 green, then 1024 blue, each plane row-major 32x32. The arrays are shared, not copied:
 * wrap a dataset's arrays without paying for a copy of 150 MB.
 *
 * @param pixels {@code count * BYTES_PER_IMAGE} bytes (longer arrays are allowed; the tail is ignored)
 * @param labels one class label per image ({@code count} bytes or more)
 * @param count  number of images
 */
public record PlanarImages(byte[] pixels, byte[] labels, int count) {
    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int PIXELS_PER_CHANNEL = SIDE * SIDE;
    public static final int BYTES_PER_IMAGE = CHANNELS * PIXELS_PER_CHANNEL;

    public PlanarImages {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (count < 0) {
            throw new IllegalArgumentException("image count must not be negative, got " + count);
        }
        if ((long) count * BYTES_PER_IMAGE > pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, but " + count
                    + " planar 32x32x3 images need " + (long) count * BYTES_PER_IMAGE);
        }
        if (labels.length < count) {
            throw new IllegalArgumentException("labels hold " + labels.length + " entries for " + count + " images");
        }
    }

    /** Images without labels (all labels 0), e.g. for benchmarks or unlabelled data. */
    public static PlanarImages unlabelled(byte[] pixels, int count) {
        return new PlanarImages(pixels, new byte[Math.max(0, count)], count);
    }

    /** Throws a clear message when {@code index} is not an image of this set. */
    public void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("image index " + index + " is outside 0.." + (count - 1));
        }
    }
}
