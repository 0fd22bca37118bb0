package org.simsiamexplorer.explain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PatchMaskerTest {
    private final PatchMasker masker = new PatchMasker(3, 8, 4);

    @Test
    void theFullCoalitionIsTheImageAndTheEmptyOneTheReplacement() {
        float[] image = Inputs.gaussian(192, 1);
        float[] replacement = Inputs.gaussian(192, 2);
        float[] out = new float[192];

        masker.compose(image, replacement, (1L << 16) - 1, out, 0);
        assertArrayEquals(image, out);
        masker.compose(image, replacement, 0L, out, 0);
        assertArrayEquals(replacement, out);
    }

    @Test
    void aPresentPatchCoversItsTwoByTwoPixelsInEveryChannel() {
        float[] image = new float[192];
        java.util.Arrays.fill(image, 1);
        float[] out = new float[192];

        masker.compose(image, new float[192], 1L << 5, out, 0);

        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean inPatchFive = y / 2 == 1 && x / 2 == 1;
                    assertEquals(inPatchFive ? 1f : 0f, out[c * 64 + y * 8 + x], "c" + c + " y" + y + " x" + x);
                }
            }
        }
    }

    @Test
    void aGridThatDoesNotDivideTheSideMakesPatchesThatDifferByAPixel() {
        PatchMasker uneven = new PatchMasker(3, 32, 3);
        int[] pixels = new int[9];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                pixels[uneven.featureOf(y, x)]++;
            }
        }
        assertArrayEquals(new int[] {121, 121, 110, 121, 121, 110, 110, 110, 100}, pixels);
    }

    @Test
    void blurringAConstantImageLeavesItUnchanged() {
        float[] image = new float[192];
        java.util.Arrays.fill(image, 0.7f);
        assertArrayEquals(image, masker.blurred(image, 3), 1e-6f);
    }

    @Test
    void blurringKeepsTheChannelMeanOfASymmetricPattern() {
        float[] image = new float[192];
        image[64 + 3 * 8 + 3] = 64;
        float[] blurred = masker.blurred(image, 1);
        double sum = 0;
        for (int i = 64; i < 128; i++) {
            sum += blurred[i];
        }
        assertEquals(64, sum, 1e-3);
        assertEquals(0, blurred[0], 1e-6);
    }

    @Test
    void spreadingKeepsTheSumOfEachPatch() {
        double[] values = new double[16];
        for (int i = 0; i < 16; i++) {
            values[i] = i - 7.5;
        }
        float[] map = masker.spread(values);
        double[] perFeature = new double[16];
        for (int i = 0; i < 192; i++) {
            perFeature[masker.featureOf(i % 64 / 8, i % 8)] += map[i];
        }
        assertArrayEquals(values, perFeature, 1e-5);
    }
}
