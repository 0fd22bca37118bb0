package org.simsiamexplorer.data.augment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;
import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;
import static org.simsiamexplorer.data.augment.TestImages.at;
import static org.simsiamexplorer.data.augment.TestImages.normalized;

class SimSiamAugmentationTest {
    private static final ChannelNormalization CIFAR = ChannelNormalization.CIFAR10;
    private static final PlanarImages IMAGES = TestImages.random(8, 11);
    /** The paper's crop aspect ratios, but every random choice switched off. */
    private static final AugmentationSettings NO_RANDOMNESS = AugmentationSettings.simSiamCifar()
            .withCropScale(1, 1).withFlipProbability(0).withColorJitter(0, 0.4, 0.4, 0.4, 0.1)
            .withGrayscaleProbability(0);

    private static float[] view(AugmentationSettings settings, long seed, int image, int epoch, int viewNumber) {
        float[] out = new float[BYTES_PER_IMAGE];
        new SimSiamAugmentation(settings, seed).writeView(IMAGES.pixels(), image, epoch, viewNumber, out, 0);
        return out;
    }

    private static float[] render(byte[] pixels, ViewParameters parameters, ChannelNormalization normalization) {
        float[] out = new float[BYTES_PER_IMAGE];
        SimSiamAugmentation.render(pixels, 0, parameters, normalization, out, 0);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 0", "1, 3, 7", "99, 5, 2", "-4, 0, 1"})
    void withoutRandomnessAViewIsExactlyTheNormalisedOriginal(long seed, int image, int epoch) {
        for (AugmentationSettings settings : List.of(NO_RANDOMNESS, AugmentationSettings.none())) {
            float[] out = view(settings, seed, image, epoch, 1);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        assertEquals(normalized(IMAGES.pixels(), image, c, y, x, CIFAR), at(out, 0, c, y, x), 0f);
                    }
                }
            }
        }
    }

    @Test
    void renderingIdentityParametersMatchesTheEvaluationTransformExactly() {
        byte[] image = Arrays.copyOfRange(IMAGES.pixels(), 0, BYTES_PER_IMAGE);
        float[] eval = new float[BYTES_PER_IMAGE];
        SimSiamAugmentation.writeNormalized(image, 0, CIFAR, eval, 0);
        assertArrayEquals(eval, render(image, ViewParameters.IDENTITY, CIFAR), 0f);
    }

    @Test
    void flipMirrorsTheColumns() {
        float[] flipped = view(NO_RANDOMNESS.withFlipProbability(1), 5, 2, 0, 0);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    assertEquals(normalized(IMAGES.pixels(), 2, c, y, SIDE - 1 - x, CIFAR), at(flipped, 0, c, y, x), 0f);
                }
            }
        }
    }

    @Test
    void flipIsFusedAsAMirrorOfTheResizedCrop() {
        byte[] image = TestImages.gradient();
        CropBox crop = new CropBox(3, 5, 17, 23);
        float[] plain = render(image, new ViewParameters(crop, false, ColorJitterParameters.NONE, false), CIFAR);
        float[] flipped = render(image, new ViewParameters(crop, true, ColorJitterParameters.NONE, false), CIFAR);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    assertEquals(at(plain, 0, c, y, SIDE - 1 - x), at(flipped, 0, c, y, x), 0f);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void grayscaleGivesEqualChannelsBeforeNormalisation(long seed) {
        AugmentationSettings gray = AugmentationSettings.simSiamCifar().withGrayscaleProbability(1);
        float[] out = view(gray, seed, 4, 0, 0);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float red = CIFAR.invert(0, at(out, 0, 0, y, x));
                assertEquals(red, CIFAR.invert(1, at(out, 0, 1, y, x)), 1e-5f);
                assertEquals(red, CIFAR.invert(2, at(out, 0, 2, y, x)), 1e-5f);
            }
        }
    }

    /**
     * Gradient image: red = 4 * row + 2 * column. PyTorch bilinear (align_corners=False) samples output
     * coordinate d at max(0, (d + 0.5) * crop / 32 - 0.5).
     */
    @ParameterizedTest(name = "crop top={0} left={1} h={2} w={3} at ({4},{5}) = {6}")
    @CsvSource({
            // whole image: the pixel itself
            "0, 0, 32, 32, 7, 9, 46",
            // 16x16 crop at (4,6): y 3 -> row 1.25, x 5 -> column 2.25 -> rows 5/6, columns 8/9, weights .75/.25
            "4, 6, 16, 16, 3, 5, 37.5",
            // first output clamps to the crop's corner pixel (4,6)
            "4, 6, 16, 16, 0, 0, 28",
            // last output samples 15.25, past the last pixel: clamps to (19,21)
            "4, 6, 16, 16, 31, 31, 118",
            // 8x24 crop: y 1 -> -0.125 -> row 0; x 10 -> 7.375 -> columns 7/8 (14 and 16) -> 14.75
            "0, 0, 8, 24, 1, 10, 14.75"})
    void cropResizesBilinearlyLikePyTorch(int top, int left, int height, int width, int y, int x, float expected) {
        ViewParameters parameters = new ViewParameters(new CropBox(top, left, height, width), false,
                ColorJitterParameters.NONE, false);
        float[] out = render(TestImages.gradient(), parameters, ChannelNormalization.IDENTITY);
        assertEquals(expected / 255f, at(out, 0, 0, y, x), 1e-6f);
        assertEquals((expected + 30) / 255f, at(out, 0, 1, y, x), 1e-6f);
    }

    @ParameterizedTest(name = "{0} x{1} on ({2},{3},{4}) -> ({5},{6},{7})")
    @CsvSource({
            "BRIGHTNESS, 1.5, 100, 200, 50, 150, 255, 75",
            "BRIGHTNESS, 0, 100, 200, 50, 0, 0, 0",
            "SATURATION, 0, 255, 0, 0, 76.2195, 76.2195, 76.2195",
            "SATURATION, 1, 10, 20, 30, 10, 20, 30",
            "CONTRAST, 0, 255, 0, 0, 76.2195, 76.2195, 76.2195",
            "HUE, 0.5, 255, 0, 0, 0, 255, 255",
            "HUE, -0.5, 0, 255, 0, 255, 0, 255",
            "HUE, 0.3333333, 0, 0, 255, 255, 0, 0",
            "HUE, 0.25, 128, 128, 128, 128, 128, 128"})
    void colourJitterOperationsMatchTorchvision(JitterOperation operation, float factor, int r, int g, int b,
                                                 float expectedR, float expectedG, float expectedB) {
        ColorJitterParameters jitter = switch (operation) {
            case BRIGHTNESS -> new ColorJitterParameters(List.of(operation), factor, 1, 1, 0);
            case CONTRAST -> new ColorJitterParameters(List.of(operation), 1, factor, 1, 0);
            case SATURATION -> new ColorJitterParameters(List.of(operation), 1, 1, factor, 0);
            case HUE -> new ColorJitterParameters(List.of(operation), 1, 1, 1, factor);
        };
        float[] out = render(TestImages.solid(r, g, b), new ViewParameters(CropBox.FULL, false, jitter, false),
                ChannelNormalization.IDENTITY);
        float[] expected = {expectedR / 255f, expectedG / 255f, expectedB / 255f};
        for (int c = 0; c < 3; c++) {
            assertEquals(expected[c], at(out, 0, c, 13, 21), 1e-4f, "channel " + c);
        }
    }

    @Test
    void contrastBlendsTowardsTheMeanGrayOfTheWholeImage() {
        // Half black, half white. torchvision's gray weights sum to 0.9999, so the mean gray is 0.49995 and
        // factor 0.5 maps 0 -> 0.249975 and 1 -> 0.749975.
        byte[] image = new byte[BYTES_PER_IMAGE];
        for (int c = 0; c < 3; c++) {
            Arrays.fill(image, c * 1024 + 512, (c + 1) * 1024, (byte) 255);
        }
        ColorJitterParameters jitter = new ColorJitterParameters(List.of(JitterOperation.CONTRAST), 1, 0.5f, 1, 0);
        float[] out = render(image, new ViewParameters(CropBox.FULL, false, jitter, false),
                ChannelNormalization.IDENTITY);
        assertEquals(0.249975f, at(out, 0, 1, 0, 0), 1e-6f);
        assertEquals(0.749975f, at(out, 0, 1, 31, 31), 1e-6f);
    }

    @Test
    void aViewDependsOnlyOnSeedEpochImageAndViewNumber() {
        AugmentationSettings paper = AugmentationSettings.simSiamCifar();
        assertArrayEquals(view(paper, 7, 3, 2, 0), view(paper, 7, 3, 2, 0), 0f);
        assertFalse(Arrays.equals(view(paper, 7, 3, 2, 0), view(paper, 7, 3, 2, 1)), "other view number");
        assertFalse(Arrays.equals(view(paper, 7, 3, 2, 0), view(paper, 7, 3, 3, 0)), "other epoch");
        assertFalse(Arrays.equals(view(paper, 7, 3, 2, 0), view(paper, 8, 3, 2, 0)), "other seed");
    }

    @Test
    void viewsAreWrittenAtTheirOffsetAndNowhereElse() {
        float[] batch = new float[3 * BYTES_PER_IMAGE];
        Arrays.fill(batch, Float.NaN);
        new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), 1).writeView(IMAGES.pixels(), 1, 0, 0, batch,
                BYTES_PER_IMAGE);
        assertTrue(Float.isNaN(batch[BYTES_PER_IMAGE - 1]) && Float.isNaN(batch[2 * BYTES_PER_IMAGE]));
        for (int i = BYTES_PER_IMAGE; i < 2 * BYTES_PER_IMAGE; i++) {
            assertTrue(Float.isFinite(batch[i]), "value " + i + " written");
        }
    }

    @Test
    void paperSettingsProduceFiniteValuesWithinTheNormalisedRange() {
        SimSiamAugmentation augmentation = new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), 3);
        float[] out = new float[BYTES_PER_IMAGE];
        for (int image = 0; image < IMAGES.count(); image++) {
            for (int epoch = 0; epoch < 20; epoch++) {
                augmentation.writeView(IMAGES.pixels(), image, epoch, 0, out, 0);
                for (int i = 0; i < BYTES_PER_IMAGE; i++) {
                    int c = i / 1024;
                    float unit = CIFAR.invert(c, out[i]);
                    assertTrue(unit >= -1e-5f && unit <= 1 + 1e-5f, "value " + unit + " outside [0, 1]");
                }
            }
        }
    }

    @Test
    void outOfRangeImagesAndDestinationsGetClearMessages() {
        SimSiamAugmentation augmentation = new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), 3);
        var image = assertThrows(IndexOutOfBoundsException.class,
                () -> augmentation.writeView(IMAGES.pixels(), 8, 0, 0, new float[BYTES_PER_IMAGE], 0));
        assertTrue(image.getMessage().contains("image 8"), image.getMessage());
        var dest = assertThrows(IndexOutOfBoundsException.class,
                () -> augmentation.writeView(IMAGES.pixels(), 0, 0, 0, new float[BYTES_PER_IMAGE], 1));
        assertTrue(dest.getMessage().contains("destination offset 1"), dest.getMessage());
    }
}
