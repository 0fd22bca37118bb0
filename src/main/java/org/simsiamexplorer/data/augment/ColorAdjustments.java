package org.simsiamexplorer.data.augment;

import static org.simsiamexplorer.data.augment.PlanarImages.PIXELS_PER_CHANNEL;

/**
 * In-place colour operations on one CHW float image with values in [0, 1], following torchvision's tensor
 * implementations ({@code adjust_brightness/contrast/saturation/hue}, {@code rgb_to_grayscale}) so views look
 * like the ones the paper trained on.
 */
final class ColorAdjustments {
    // torchvision's rgb_to_grayscale weights for float tensors.
    static final float RED_TO_GRAY = 0.2989f;
    static final float GREEN_TO_GRAY = 0.587f;
    static final float BLUE_TO_GRAY = 0.114f;

    private static final int GREEN = PIXELS_PER_CHANNEL;
    private static final int BLUE = 2 * PIXELS_PER_CHANNEL;

    private ColorAdjustments() {
    }

    /** {@code clamp(x * factor, 0, 1)}. */
    static void brightness(float[] image, int offset, float factor) {
        int end = offset + 3 * PIXELS_PER_CHANNEL;
        for (int i = offset; i < end; i++) {
            image[i] = Math.min(1f, image[i] * factor);
        }
    }

    /** Blends with the mean gray level of the whole image: {@code clamp(f * x + (1 - f) * mean)}. */
    static void contrast(float[] image, int offset, float factor) {
        double sum = 0;
        for (int p = offset; p < offset + PIXELS_PER_CHANNEL; p++) {
            sum += gray(image[p], image[p + GREEN], image[p + BLUE]);
        }
        float meanTerm = (1f - factor) * (float) (sum / PIXELS_PER_CHANNEL);
        int end = offset + 3 * PIXELS_PER_CHANNEL;
        for (int i = offset; i < end; i++) {
            image[i] = clampUnit(factor * image[i] + meanTerm);
        }
    }

    /** Blends each pixel with its own gray level: {@code clamp(f * x + (1 - f) * gray)}. */
    static void saturation(float[] image, int offset, float factor) {
        float grayWeight = 1f - factor;
        for (int p = offset; p < offset + PIXELS_PER_CHANNEL; p++) {
            float r = image[p];
            float g = image[p + GREEN];
            float b = image[p + BLUE];
            float grayTerm = grayWeight * gray(r, g, b);
            image[p] = clampUnit(factor * r + grayTerm);
            image[p + GREEN] = clampUnit(factor * g + grayTerm);
            image[p + BLUE] = clampUnit(factor * b + grayTerm);
        }
    }

    /** Replaces every channel by the pixel's gray level. */
    static void grayscale(float[] image, int offset) {
        for (int p = offset; p < offset + PIXELS_PER_CHANNEL; p++) {
            float gray = gray(image[p], image[p + GREEN], image[p + BLUE]);
            image[p] = gray;
            image[p + GREEN] = gray;
            image[p + BLUE] = gray;
        }
    }

    /** Turns any positive float difference into 1 (see {@link #hue}); differences are at most 1. */
    private static final float TO_ONE = 1e30f;

    // Per hue sector (floor of the shifted position, 0..17, taken mod 6): the plane offsets of the channels that
    // get the maximum, the minimum and the in-between value, and that value's weight a + b * fraction.
    // torchvision's hsv2rgb by sector: 0 (v,t,p), 1 (q,v,p), 2 (p,v,t), 3 (p,q,v), 4 (t,p,v), 5 (v,p,q),
    // where v = max, p = min, t = min + chroma * fraction (even sectors), q = max - chroma * fraction (odd).
    private static final int SECTORS = 18;
    private static final int[] MAX_CHANNEL = new int[SECTORS];
    private static final int[] MIN_CHANNEL = new int[SECTORS];
    private static final int[] MID_CHANNEL = new int[SECTORS];
    private static final float[] MID_WEIGHT_BASE = new float[SECTORS];
    private static final float[] MID_WEIGHT_SLOPE = new float[SECTORS];

    static {
        int[][] maxMinMid = {{0, 2, 1}, {1, 2, 0}, {1, 0, 2}, {2, 0, 1}, {2, 1, 0}, {0, 1, 2}};
        for (int sector = 0; sector < SECTORS; sector++) {
            int[] roles = maxMinMid[sector % 6];
            MAX_CHANNEL[sector] = roles[0] * PIXELS_PER_CHANNEL;
            MIN_CHANNEL[sector] = roles[1] * PIXELS_PER_CHANNEL;
            MID_CHANNEL[sector] = roles[2] * PIXELS_PER_CHANNEL;
            boolean rising = sector % 2 == 0;
            MID_WEIGHT_BASE[sector] = rising ? 0f : 1f;
            MID_WEIGHT_SLOPE[sector] = rising ? 1f : -1f;
        }
    }

    /**
     * Rotates the hue by {@code shift} turns, keeping HSV saturation and value: torchvision's {@code _rgb2hsv}
     * -> shift -> {@code _hsv2rgb} up to float rounding (below 1e-6), without the detour through HSV: only the
     * hue position is computed; max and min stay, and the sector tables say which channel gets what.
     * <p>Why it looks odd: this runs for 80% of all views, and the obvious code (branches on which channel is
     * largest, a switch on the sector, float {@code %}) mispredicts on every other pixel; here every choice is
     * arithmetic or a table lookup, and min/max of the non-negative values compare their bit patterns as ints
     * (cheaper than {@code Math.min(float, float)}, which must care about NaN and -0).
     */
    static void hue(float[] image, int offset, float shift) {
        float shiftSixths = 6f * shift + 6f; // +6 keeps the position positive: in [2, 14] for |shift| <= 0.5
        for (int p = offset; p < offset + PIXELS_PER_CHANNEL; p++) {
            float r = image[p];
            float g = image[p + GREEN];
            float b = image[p + BLUE];
            float max = maxOfNonNegative(r, maxOfNonNegative(g, b));
            float min = minOfNonNegative(r, minOfNonNegative(g, b));
            float chroma = max - min;
            // 0 or 1 (a difference below 1e-30 could blend, but then chroma and the error are below 1e-30 too)
            float notRed = minOfNonNegative(1f, (max - r) * TO_ONE);
            float notGreen = minOfNonNegative(1f, (max - g) * TO_ONE);
            float blueIsMax = notRed * notGreen;
            float greenIsMax = notRed - blueIsMax;
            float redIsMax = 1f - notRed; // red wins ties, like torchvision
            // torchvision's hr, hg, hb times chroma; gray pixels get 0 / MIN_NORMAL = 0 and stay gray
            float numerator = redIsMax * (g - b) + greenIsMax * (2f * chroma + b - r)
                    + blueIsMax * (4f * chroma + r - g);
            float position = numerator / maxOfNonNegative(chroma, Float.MIN_NORMAL) + shiftSixths;
            int sector = (int) position;
            float fraction = position - sector;
            image[p + MAX_CHANNEL[sector]] = max;
            image[p + MIN_CHANNEL[sector]] = min;
            image[p + MID_CHANNEL[sector]] = min + chroma * (MID_WEIGHT_BASE[sector] + MID_WEIGHT_SLOPE[sector]
                    * fraction);
        }
    }

    /** For non-negative floats the bit patterns order like the values. */
    private static float maxOfNonNegative(float a, float b) {
        return Float.intBitsToFloat(Math.max(Float.floatToRawIntBits(a), Float.floatToRawIntBits(b)));
    }

    private static float minOfNonNegative(float a, float b) {
        return Float.intBitsToFloat(Math.min(Float.floatToRawIntBits(a), Float.floatToRawIntBits(b)));
    }

    /** {@code (x - mean) / std} per channel, the formula of {@link ChannelNormalization#apply}. */
    static void normalize(float[] image, int offset, ChannelNormalization normalization) {
        for (int c = 0; c < 3; c++) {
            float mean = normalization.mean(c);
            float std = normalization.std(c);
            int start = offset + c * PIXELS_PER_CHANNEL;
            for (int i = start; i < start + PIXELS_PER_CHANNEL; i++) {
                image[i] = (image[i] - mean) / std;
            }
        }
    }

    static float gray(float r, float g, float b) {
        return RED_TO_GRAY * r + GREEN_TO_GRAY * g + BLUE_TO_GRAY * b;
    }

    private static float clampUnit(float value) {
        return Math.max(0f, Math.min(1f, value));
    }
}
