package org.simsiamexplorer.app.shap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AttributionColorsTest {
    @ParameterizedTest(name = "value {0} at scale 2, opacity {1}: {2}")
    @CsvSource({
            "2, 1, FF0051",     // full positive: shap red
            "-2, 1, 008BFB",    // full negative: shap blue
            "5, 1, FF0051",     // beyond the scale: clamped
            "0, 1, FFFFFF",     // zero: the greyed pixel (white image -> lightest grey)
            "2, 0, FFFFFF",     // opacity 0: only the greyed image
            "1, 1, FF80A8"})    // half way between white and red
    void colourFollowsTheSignAndMagnitudeOnASymmetricScale(float value, double opacity, String expected) {
        int[] out = AttributionColors.overlay(new int[] {0xFFFFFF}, new float[] {value}, 2, opacity);
        assertEquals(Integer.parseInt(expected, 16), out[0] & 0xFFFFFF);
        assertEquals(0xFF, out[0] >>> 24);
    }

    @Test
    void theImageIsShownGreyedSoColoursStandOut() {
        int[] out = AttributionColors.overlay(new int[] {0x000000, 0xFF0000}, new float[2], 1, 1);
        assertEquals(150, out[0] & 0xFF);
        assertEquals(out[1] & 0xFF, out[1] >> 8 & 0xFF);
    }

    @Test
    void enlargingRepeatsEachPixelAsASquare() {
        int[] big = AttributionColors.enlarge(new int[] {1, 2, 3, 4}, 2, 2);
        assertArrayEquals(new int[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, big);
    }
}
