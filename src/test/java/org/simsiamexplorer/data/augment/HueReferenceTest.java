package org.simsiamexplorer.data.augment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;
import static org.simsiamexplorer.data.augment.PlanarImages.PIXELS_PER_CHANNEL;

/** The branch-free hue rotation against a line-by-line port of torchvision's _rgb2hsv / adjust / _hsv2rgb. */
class HueReferenceTest {

    @ParameterizedTest(name = "shift {0}")
    @ValueSource(floats = {-0.5f, -0.1f, -0.031f, 0f, 0.07f, 0.1f, 0.25f, 0.5f})
    void hueRotationMatchesTorchvisionOnRandomGrayAndTiedPixels(float shift) {
        float[] image = new float[BYTES_PER_IMAGE];
        Random random = new Random(Float.floatToIntBits(shift));
        for (int p = 0; p < PIXELS_PER_CHANNEL; p++) {
            for (int c = 0; c < 3; c++) {
                // every 4th pixel draws from 3 levels only: many gray pixels and ties between channels
                image[c * PIXELS_PER_CHANNEL + p] = p % 4 == 0 ? random.nextInt(3) / 2f : random.nextFloat();
            }
        }
        float[] expected = image.clone();
        for (int p = 0; p < PIXELS_PER_CHANNEL; p++) {
            double[] rgb = torchvisionAdjustHue(expected[p], expected[p + 1024], expected[p + 2048], shift);
            for (int c = 0; c < 3; c++) {
                expected[c * PIXELS_PER_CHANNEL + p] = (float) rgb[c];
            }
        }
        ColorAdjustments.hue(image, 0, shift);
        for (int i = 0; i < BYTES_PER_IMAGE; i++) {
            assertEquals(expected[i], image[i], 2e-6f, "value " + i);
        }
    }

    private static double[] torchvisionAdjustHue(double r, double g, double b, double hueFactor) {
        double maxc = Math.max(r, Math.max(g, b));
        double minc = Math.min(r, Math.min(g, b));
        boolean eqc = maxc == minc;
        double cr = maxc - minc;
        double s = cr / (eqc ? 1 : maxc);
        double crDivisor = eqc ? 1 : cr;
        double rc = (maxc - r) / crDivisor;
        double gc = (maxc - g) / crDivisor;
        double bc = (maxc - b) / crDivisor;
        double hr = maxc == r ? bc - gc : 0;
        double hg = maxc == g && maxc != r ? 2.0 + rc - bc : 0;
        double hb = maxc != g && maxc != r ? 4.0 + gc - rc : 0;
        double h = ((hr + hg + hb) / 6.0 + 1.0) % 1.0;
        h = ((h + hueFactor) % 1.0 + 1.0) % 1.0; // Python's % keeps the sign of the divisor
        double v = maxc;
        double i = Math.floor(h * 6.0);
        double f = h * 6.0 - i;
        double p = clamp(v * (1.0 - s));
        double q = clamp(v * (1.0 - s * f));
        double t = clamp(v * (1.0 - s * (1.0 - f)));
        return switch (((int) i) % 6) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
