package org.simsiamexplorer.data.augment;

import java.util.Random;

import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;
import static org.simsiamexplorer.data.augment.PlanarImages.PIXELS_PER_CHANNEL;
import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;

/** Small synthetic image sets for tests. */
final class TestImages {
    private TestImages() {
    }

    /** {@code count} images of uniformly random bytes; label = index mod 10. */
    static PlanarImages random(int count, long seed) {
        byte[] pixels = new byte[count * BYTES_PER_IMAGE];
        new Random(seed).nextBytes(pixels);
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return new PlanarImages(pixels, labels, count);
    }

    /** One image whose channel {@code c} holds {@code 4 * row + 2 * column + 30 * c}: easy to interpolate by hand. */
    static byte[] gradient() {
        byte[] pixels = new byte[BYTES_PER_IMAGE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    pixels[c * PIXELS_PER_CHANNEL + y * SIDE + x] = (byte) (4 * y + 2 * x + 30 * c);
                }
            }
        }
        return pixels;
    }

    /** One image filled with a single colour. */
    static byte[] solid(int red, int green, int blue) {
        byte[] pixels = new byte[BYTES_PER_IMAGE];
        int[] rgb = {red, green, blue};
        for (int c = 0; c < 3; c++) {
            java.util.Arrays.fill(pixels, c * PIXELS_PER_CHANNEL, (c + 1) * PIXELS_PER_CHANNEL, (byte) rgb[c]);
        }
        return pixels;
    }

    /** The test's own statement of "normalised original": (byte / 255 - mean) / std in float. */
    static float normalized(byte[] pixels, int image, int channel, int y, int x, ChannelNormalization n) {
        int value = pixels[image * BYTES_PER_IMAGE + channel * PIXELS_PER_CHANNEL + y * SIDE + x] & 0xFF;
        return (value / 255f - n.mean(channel)) / n.std(channel);
    }

    static float at(float[] view, int offset, int channel, int y, int x) {
        return view[offset + channel * PIXELS_PER_CHANNEL + y * SIDE + x];
    }
}
