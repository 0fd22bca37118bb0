package org.simsiamexplorer.app.embeddings;

/**
 * Ten distinguishable class colours (Tableau 10, readable on white and for most colour-blind viewers), as packed
 * {@code 0xRRGGBB}; classes beyond ten wrap around.
 */
public final class ClassPalette {
    private static final int[] COLOURS = {
            0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
            0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0x79706E,
    };

    private ClassPalette() {
    }

    public static int rgb(int classIndex) {
        return COLOURS[Math.floorMod(classIndex, COLOURS.length)];
    }

    public static String css(int classIndex) {
        return String.format("#%06X", rgb(classIndex));
    }

    public static javafx.scene.paint.Color color(int classIndex) {
        int rgb = rgb(classIndex);
        return javafx.scene.paint.Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
