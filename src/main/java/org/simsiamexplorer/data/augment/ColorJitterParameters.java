package org.simsiamexplorer.data.augment;

import java.util.List;
import java.util.Objects;

/**
 * Drawn colour-jitter factors for one view and the order in which they are applied, as torchvision's
 * {@code ColorJitter.get_params} returns them. Factors of 1 (hue 0) leave the image unchanged.
 *
 * @param order      operations in application order (each at most once); empty means no jitter
 * @param brightness multiplies every value
 * @param contrast   blends each value with the image's mean gray level
 * @param saturation blends each value with its pixel's gray level
 * @param hue        shift of the HSV hue, in turns, within [-0.5, 0.5]
 */
public record ColorJitterParameters(List<JitterOperation> order, float brightness, float contrast,
                                    float saturation, float hue) {
    /** No jitter at all. */
    public static final ColorJitterParameters NONE = new ColorJitterParameters(List.of(), 1, 1, 1, 0);

    public ColorJitterParameters {
        order = List.copyOf(Objects.requireNonNull(order, "order"));
        if (order.stream().distinct().count() != order.size()) {
            throw new IllegalArgumentException("each jitter operation may appear once, got " + order);
        }
        if (!(brightness >= 0 && contrast >= 0 && saturation >= 0) || !Float.isFinite(brightness)
                || !Float.isFinite(contrast) || !Float.isFinite(saturation)) {
            throw new IllegalArgumentException("brightness, contrast and saturation factors must be finite and >= 0,"
                    + " got " + brightness + ", " + contrast + ", " + saturation);
        }
        if (!(hue >= -0.5f && hue <= 0.5f)) {
            throw new IllegalArgumentException("hue shift must be in [-0.5, 0.5], got " + hue);
        }
    }
}
