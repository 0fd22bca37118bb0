package org.simsiamexplorer.app.shap;

/**
 * Colours of the attribution overlay, as shap's image_plot draws them: the image greyed (luminance, lightened), then
 * red where a pixel raises the class score and blue where it lowers it, opacity growing with |value| / scale. The
 * scale is symmetric and shared by all classes of one image (the row), so cells of a row compare directly.
 * Colours are shap's: red #FF0051, blue #008BFB.
 */
public final class AttributionColors {
    public static final int RED = 0xFF0051;
    public static final int BLUE = 0x008BFB;

    private AttributionColors() {
    }

    /**
     * @param rgb     the image, packed 0xRRGGBB, row-major
     * @param values  attribution per pixel (same layout)
     * @param scale   |value| that gets full colour (the row's max |attribution|); 0 gives the grey image
     * @param opacity 0..1, the colour's opacity at |value| = scale
     * @return packed 0xAARRGGBB (opaque)
     */
    public static int[] overlay(int[] rgb, float[] values, float scale, double opacity) {
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int grey = grey(rgb[i]);
            double strength = scale > 0 ? Math.min(1, Math.abs(values[i]) / scale) * opacity : 0;
            int colour = values[i] >= 0 ? RED : BLUE;
            out[i] = 0xFF000000 | blend(grey << 16 | grey << 8 | grey, colour, strength);
        }
        return out;
    }

    /** Colour-bar colour at t in [-1, 1] (-1 = most negative, full opacity over white). */
    public static int barColor(double t, double opacity) {
        double clamped = Math.max(-1, Math.min(1, t));
        return 0xFF000000 | blend(0xFFFFFF, clamped >= 0 ? RED : BLUE, Math.abs(clamped) * opacity);
    }

    /** The picture's luminance, lightened towards white so colours stand out (as shap plots the image at alpha 0.15). */
    static int grey(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        double luminance = 0.299 * r + 0.587 * g + 0.114 * b;
        return (int) Math.round(150 + luminance * 105 / 255);
    }

    static int blend(int base, int colour, double strength) {
        int r = mix(base >> 16 & 0xFF, colour >> 16 & 0xFF, strength);
        int g = mix(base >> 8 & 0xFF, colour >> 8 & 0xFF, strength);
        int b = mix(base & 0xFF, colour & 0xFF, strength);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int from, int to, double strength) {
        return (int) Math.round(from + (to - from) * strength);
    }

    /** Nearest-neighbour enlargement by an integer factor (keeps pixels visible as squares). */
    public static int[] enlarge(int[] pixels, int side, int factor) {
        int bigSide = side * factor;
        int[] out = new int[bigSide * bigSide];
        for (int y = 0; y < bigSide; y++) {
            for (int x = 0; x < bigSide; x++) {
                out[y * bigSide + x] = pixels[(y / factor) * side + x / factor];
            }
        }
        return out;
    }
}
