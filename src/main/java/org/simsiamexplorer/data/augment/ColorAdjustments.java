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

    /** Rotates the hue by {@code shift} turns through HSV, like torchvision's {@code _rgb2hsv}/{@code _hsv2rgb}. */
    static void hue(float[] image, int offset, float shift) {
        for (int p = offset; p < offset + PIXELS_PER_CHANNEL; p++) {
            float r = image[p];
            float g = image[p + GREEN];
            float b = image[p + BLUE];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            if (max == min) {
                continue; // gray pixels have no hue; torchvision returns them unchanged too
            }
            float chroma = max - min;
            float saturation = chroma / max;
            float h;
            if (max == r) {
                h = (g - b) / chroma;
            } else if (max == g) {
                h = 2f + (b - r) / chroma;
            } else {
                h = 4f + (r - g) / chroma;
            }
            h = (h / 6f + 1f) % 1f + shift;
            if (h < 0f) {
                h += 1f;
            } else if (h >= 1f) {
                h -= 1f;
            }
            float h6 = h * 6f;
            int sector = (int) h6;
            float fraction = h6 - sector;
            float v = max;
            float pValue = clampUnit(v * (1f - saturation));
            float qValue = clampUnit(v * (1f - saturation * fraction));
            float tValue = clampUnit(v * (1f - saturation * (1f - fraction)));
            switch (sector % 6) {
                case 0 -> set(image, p, v, tValue, pValue);
                case 1 -> set(image, p, qValue, v, pValue);
                case 2 -> set(image, p, pValue, v, tValue);
                case 3 -> set(image, p, pValue, qValue, v);
                case 4 -> set(image, p, tValue, pValue, v);
                default -> set(image, p, v, pValue, qValue);
            }
        }
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

    private static void set(float[] image, int p, float r, float g, float b) {
        image[p] = r;
        image[p + GREEN] = g;
        image[p + BLUE] = b;
    }

    private static float clampUnit(float value) {
        return Math.max(0f, Math.min(1f, value));
    }
}
