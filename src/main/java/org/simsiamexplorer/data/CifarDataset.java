package org.simsiamexplorer.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One CIFAR-10 split held compactly as uint8: {@code n * 3072} pixel bytes in the official planar order
 * (1024 red, 1024 green, 1024 blue, each row-major 32x32) plus one label byte per image.
 * The arrays are shared, not copied, so 60,000 images cost about 184 MB and random access is an offset.
 */
public final class CifarDataset {
    public static final int IMAGE_SIZE = 32;
    public static final int CHANNELS = 3;
    public static final int IMAGE_BYTES = IMAGE_SIZE * IMAGE_SIZE * CHANNELS;
    /** One record of the official binary files: a label byte followed by the image. */
    public static final int RECORD_BYTES = IMAGE_BYTES + 1;
    private static final int PLANE = IMAGE_SIZE * IMAGE_SIZE;

    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;

    private CifarDataset(byte[] pixels, byte[] labels, List<String> classNames) {
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * Wraps the arrays without copying them (the caller hands them over and must not modify them).
     *
     * @throws IllegalArgumentException if the sizes disagree or a label has no class name
     */
    public static CifarDataset of(byte[] pixels, byte[] labels, List<String> classNames) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        List<String> names = List.copyOf(classNames);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("CIFAR dataset needs at least one class name");
        }
        if (pixels.length != (long) labels.length * IMAGE_BYTES) {
            throw new IllegalArgumentException("CIFAR dataset has " + labels.length + " labels, so it needs "
                    + (long) labels.length * IMAGE_BYTES + " pixel bytes, but got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= names.size()) {
                throw new IllegalArgumentException("Image " + i + " has label " + (labels[i] & 0xFF)
                        + " but there are only " + names.size() + " classes");
            }
        }
        return new CifarDataset(pixels, labels, names);
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[Objects.checkIndex(index, labels.length)] & 0xFF;
    }

    /** A copy of all labels (0..9), in image order. */
    public byte[] labels() {
        return labels.clone();
    }

    /** The backing array ({@code size() * IMAGE_BYTES}, planar order); callers must not modify it. */
    public byte[] pixels() {
        return pixels;
    }

    /** Where image {@code index} starts in {@link #pixels()}. */
    public int offset(int index) {
        return Objects.checkIndex(index, labels.length) * IMAGE_BYTES;
    }

    public void copyImage(int index, byte[] dst, int dstOffset) {
        System.arraycopy(pixels, offset(index), dst, dstOffset, IMAGE_BYTES);
    }

    /** The image as 1024 packed {@code 0xRRGGBB} ints, row-major, for thumbnails. */
    public int[] rgbPixels(int index) {
        int start = offset(index);
        int[] rgb = new int[PLANE];
        for (int p = 0; p < PLANE; p++) {
            int r = pixels[start + p] & 0xFF;
            int g = pixels[start + PLANE + p] & 0xFF;
            int b = pixels[start + 2 * PLANE + p] & 0xFF;
            rgb[p] = (r << 16) | (g << 8) | b;
        }
        return rgb;
    }

    public List<String> classNames() {
        return classNames;
    }

    public String className(int index) {
        return classNames.get(label(index));
    }

    /** How many images each class has, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (byte label : labels) {
            counts[label & 0xFF]++;
        }
        return counts;
    }

    /** The first {@code count} images (copied), e.g. for a quick CPU demo run. */
    public CifarDataset head(int count) {
        if (count < 0 || count > size()) {
            throw new IllegalArgumentException("head(" + count + ") of a dataset with " + size() + " images");
        }
        return new CifarDataset(Arrays.copyOf(pixels, count * IMAGE_BYTES), Arrays.copyOf(labels, count), classNames);
    }

    @Override
    public String toString() {
        return "CifarDataset[" + size() + " images, " + classNames.size() + " classes]";
    }
}
