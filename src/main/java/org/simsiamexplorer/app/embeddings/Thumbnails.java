package org.simsiamexplorer.app.embeddings;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** CIFAR images as JavaFX images, enlarged by repeating pixels (nearest neighbour), so they stay crisp. */
final class Thumbnails {
    private static final int SIDE = 32;

    private Thumbnails() {
    }

    /** A {@code 32*factor} square image; each source pixel becomes a {@code factor x factor} block. */
    static Image enlarged(int[] rgb, int factor) {
        int side = SIDE * factor;
        int[] out = new int[side * side];
        for (int y = 0; y < side; y++) {
            int sourceRow = (y / factor) * SIDE;
            for (int x = 0; x < side; x++) {
                out[y * side + x] = 0xFF000000 | rgb[sourceRow + x / factor];
            }
        }
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), out, 0, side);
        return image;
    }
}
