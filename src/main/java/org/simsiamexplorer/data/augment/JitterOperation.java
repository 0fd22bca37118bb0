package org.simsiamexplorer.data.augment;

/** The four colour-jitter adjustments; torchvision applies them in a random order per image. */
public enum JitterOperation {
    BRIGHTNESS, CONTRAST, SATURATION, HUE
}
