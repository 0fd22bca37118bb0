package org.simsiamexplorer.data.augment;

import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;

/**
 * A crop rectangle inside a 32x32 image, in torchvision's {@code (i, j, h, w)} order: top row, left column,
 * height and width in pixels. The crop is resized back to 32x32 bilinearly.
 */
public record CropBox(int top, int left, int height, int width) {
    /** The whole image. */
    public static final CropBox FULL = new CropBox(0, 0, SIDE, SIDE);

    public CropBox {
        if (height < 1 || width < 1 || top < 0 || left < 0 || top + height > SIDE || left + width > SIDE) {
            throw new IllegalArgumentException("crop box top=" + top + " left=" + left + " height=" + height
                    + " width=" + width + " does not lie inside a " + SIDE + "x" + SIDE + " image");
        }
    }
}
