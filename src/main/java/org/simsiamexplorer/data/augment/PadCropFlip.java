package org.simsiamexplorer.data.augment;

import java.util.SplittableRandom;

import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;
import static org.simsiamexplorer.data.augment.PlanarImages.PIXELS_PER_CHANNEL;
import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;

/**
 * The standard supervised CIFAR augmentation used for fine-tuning: pad 4 black pixels on each side, take a random
 * 32x32 crop, flip horizontally with probability 1/2, then normalise (torchvision's
 * {@code RandomCrop(32, padding=4), RandomHorizontalFlip(), ToTensor(), Normalize(...)}). Deterministic in
 * (seed, epoch, image); the {@code view} argument is ignored (one view per image).
 */
public final class PadCropFlip implements ViewAugmentation {
    public static final int PADDING = 4;

    private final long seed;
    private final ChannelNormalization normalization;

    public PadCropFlip(long seed, ChannelNormalization normalization) {
        this.seed = seed;
        this.normalization = normalization;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public void writeView(byte[] pixels, int imageIndex, int epoch, int view, float[] dest, int destOffset) {
        SplittableRandom random = new SplittableRandom(SampleSeeds.forView(seed, epoch, imageIndex, 0));
        int shiftX = random.nextInt(2 * PADDING + 1) - PADDING;
        int shiftY = random.nextInt(2 * PADDING + 1) - PADDING;
        boolean flip = random.nextBoolean();
        write(pixels, imageIndex, shiftX, shiftY, flip, normalization, dest, destOffset);
    }

    /** Output pixel (y, x) is source (y + shiftY, x' + shiftX), x' = x or 31 - x when flipped; outside is black. */
    static void write(byte[] pixels, int imageIndex, int shiftX, int shiftY, boolean flip,
                      ChannelNormalization normalization, float[] dest, int destOffset) {
        int source = imageIndex * BYTES_PER_IMAGE;
        for (int channel = 0; channel < 3; channel++) {
            float mean = normalization.mean(channel);
            float std = normalization.std(channel);
            float black = -mean / std;
            int plane = source + channel * PIXELS_PER_CHANNEL;
            int out = destOffset + channel * PIXELS_PER_CHANNEL;
            for (int y = 0; y < SIDE; y++) {
                int sy = y + shiftY;
                for (int x = 0; x < SIDE; x++) {
                    int sx = (flip ? SIDE - 1 - x : x) + shiftX;
                    float value = black;
                    if (sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE) {
                        value = ((pixels[plane + sy * SIDE + sx] & 0xFF) / 255f - mean) / std;
                    }
                    dest[out + y * SIDE + x] = value;
                }
            }
        }
    }
}
