package org.simsiamexplorer.data.augment;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class PadCropFlipTest {
    private static final ChannelNormalization NORM = ChannelNormalization.CIFAR10;

    private static byte[] randomImage() {
        byte[] pixels = new byte[PlanarImages.BYTES_PER_IMAGE];
        new Random(3).nextBytes(pixels);
        return pixels;
    }

    private static float at(float[] view, int channel, int y, int x) {
        return view[channel * 1024 + y * 32 + x];
    }

    @Test
    void noShiftAndNoFlipIsTheEvaluationTransform() {
        byte[] pixels = randomImage();
        float[] augmented = new float[3072];
        float[] plain = new float[3072];
        PadCropFlip.write(pixels, 0, 0, 0, false, NORM, augmented, 0);
        SimSiamAugmentation.writeNormalized(pixels, 0, NORM, plain, 0);
        assertArrayEquals(plain, augmented, 1e-5f);
    }

    @Test
    void flipMirrorsEachRow() {
        byte[] pixels = randomImage();
        float[] plain = new float[3072];
        float[] flipped = new float[3072];
        PadCropFlip.write(pixels, 0, 0, 0, false, NORM, plain, 0);
        PadCropFlip.write(pixels, 0, 0, 0, true, NORM, flipped, 0);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    assertEquals(at(plain, c, y, 31 - x), at(flipped, c, y, x));
                }
            }
        }
    }

    @Test
    void shiftingByThePaddingMovesTheImageAndFillsTheBorderWithBlack() {
        byte[] pixels = randomImage();
        float[] plain = new float[3072];
        float[] shifted = new float[3072];
        PadCropFlip.write(pixels, 0, 0, 0, false, NORM, plain, 0);
        PadCropFlip.write(pixels, 0, -4, 4, false, NORM, shifted, 0);
        for (int c = 0; c < 3; c++) {
            float black = -NORM.mean(c) / NORM.std(c);
            assertEquals(black, at(shifted, c, 10, 2), 1e-6f);   // x + shiftX < 0: left padding
            assertEquals(black, at(shifted, c, 29, 10), 1e-6f);  // y + shiftY > 31: bottom padding
            assertEquals(at(plain, c, 14, 6), at(shifted, c, 10, 10));
        }
    }

    @Test
    void viewsAreDeterministicPerSeedEpochAndImageAndChangeBetweenEpochs() {
        byte[] pixels = new byte[2 * PlanarImages.BYTES_PER_IMAGE];
        new Random(4).nextBytes(pixels);
        PadCropFlip augmentation = new PadCropFlip(7, NORM);
        float[] first = new float[3072];
        float[] again = new float[3072];
        augmentation.writeView(pixels, 1, 0, 0, first, 0);
        augmentation.writeView(pixels, 1, 0, 0, again, 0);
        assertArrayEquals(first, again);
        boolean anyEpochDiffers = false;
        for (int epoch = 1; epoch < 6 && !anyEpochDiffers; epoch++) {
            float[] other = new float[3072];
            augmentation.writeView(pixels, 1, epoch, 0, other, 0);
            anyEpochDiffers = !java.util.Arrays.equals(first, other);
        }
        assertNotEquals(false, anyEpochDiffers, "five epochs drew the same crop and flip");
    }
}
