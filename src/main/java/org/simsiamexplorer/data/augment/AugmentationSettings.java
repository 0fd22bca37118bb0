package org.simsiamexplorer.data.augment;

import java.util.Objects;

/**
 * How one SimSiam view is made from a 32x32 image, in torchvision terms:
 * {@code RandomResizedCrop(32, scale, ratio, bilinear)} -> {@code RandomApply(ColorJitter(b, c, s, h), p)}
 * -> {@code RandomGrayscale(p)} -> {@code RandomHorizontalFlip(p)} -> {@code Normalize(mean, std)}.
 * No Gaussian blur: the SimSiam paper drops it for CIFAR. {@link #simSiamCifar()} holds the paper's CIFAR
 * values; {@link #none()} is the evaluation transform (normalise only).
 *
 * @param minCropScale           smallest crop area as a fraction of the image (paper: 0.2)
 * @param maxCropScale           largest crop area fraction (paper: 1.0)
 * @param minCropAspectRatio     smallest crop width/height (torchvision default 3/4)
 * @param maxCropAspectRatio     largest crop width/height (torchvision default 4/3)
 * @param flipProbability        probability of a horizontal flip (0.5)
 * @param colorJitterProbability probability that colour jitter is applied at all (0.8)
 * @param brightness             brightness factor drawn from [max(0, 1 - b), 1 + b] (0.4)
 * @param contrast               contrast factor drawn from [max(0, 1 - c), 1 + c] (0.4)
 * @param saturation             saturation factor drawn from [max(0, 1 - s), 1 + s] (0.4)
 * @param hue                    hue shift drawn from [-h, h], at most 0.5 (0.1)
 * @param grayscaleProbability   probability of converting to grayscale (0.2)
 * @param normalization          per-channel mean/std applied last (CIFAR-10 statistics)
 */
public record AugmentationSettings(double minCropScale, double maxCropScale,
                                   double minCropAspectRatio, double maxCropAspectRatio,
                                   double flipProbability,
                                   double colorJitterProbability,
                                   double brightness, double contrast, double saturation, double hue,
                                   double grayscaleProbability,
                                   ChannelNormalization normalization) {

    public AugmentationSettings {
        Objects.requireNonNull(normalization, "normalization");
        requireFinite("minCropScale", minCropScale);
        requireFinite("maxCropScale", maxCropScale);
        if (!(minCropScale > 0 && minCropScale <= maxCropScale && maxCropScale <= 1)) {
            throw new IllegalArgumentException("crop scale must satisfy 0 < min <= max <= 1, got "
                    + minCropScale + ".." + maxCropScale);
        }
        requireFinite("minCropAspectRatio", minCropAspectRatio);
        requireFinite("maxCropAspectRatio", maxCropAspectRatio);
        if (!(minCropAspectRatio > 0 && minCropAspectRatio <= maxCropAspectRatio)) {
            throw new IllegalArgumentException("crop aspect ratio must satisfy 0 < min <= max, got "
                    + minCropAspectRatio + ".." + maxCropAspectRatio);
        }
        requireProbability("flipProbability", flipProbability);
        requireProbability("colorJitterProbability", colorJitterProbability);
        requireProbability("grayscaleProbability", grayscaleProbability);
        requireNonNegative("brightness", brightness);
        requireNonNegative("contrast", contrast);
        requireNonNegative("saturation", saturation);
        requireNonNegative("hue", hue);
        if (hue > 0.5) {
            throw new IllegalArgumentException("hue must be in [0, 0.5] (a shift of half the colour wheel), got " + hue);
        }
    }

    /** The SimSiam paper's CIFAR-10 training augmentation (see the class comment for the values). */
    public static AugmentationSettings simSiamCifar() {
        return new AugmentationSettings(0.2, 1.0, 3.0 / 4.0, 4.0 / 3.0, 0.5,
                0.8, 0.4, 0.4, 0.4, 0.1, 0.2, ChannelNormalization.CIFAR10);
    }

    /** Evaluation transform for feature extraction, kNN and linear probes: the whole image, normalised. */
    public static AugmentationSettings none() {
        return new AugmentationSettings(1.0, 1.0, 1.0, 1.0, 0.0,
                0.0, 0.0, 0.0, 0.0, 0.0, 0.0, ChannelNormalization.CIFAR10);
    }

    public AugmentationSettings withCropScale(double min, double max) {
        return new AugmentationSettings(min, max, minCropAspectRatio, maxCropAspectRatio, flipProbability,
                colorJitterProbability, brightness, contrast, saturation, hue, grayscaleProbability, normalization);
    }

    public AugmentationSettings withCropAspectRatio(double min, double max) {
        return new AugmentationSettings(minCropScale, maxCropScale, min, max, flipProbability,
                colorJitterProbability, brightness, contrast, saturation, hue, grayscaleProbability, normalization);
    }

    public AugmentationSettings withFlipProbability(double p) {
        return new AugmentationSettings(minCropScale, maxCropScale, minCropAspectRatio, maxCropAspectRatio, p,
                colorJitterProbability, brightness, contrast, saturation, hue, grayscaleProbability, normalization);
    }

    public AugmentationSettings withColorJitter(double p, double brightness, double contrast, double saturation,
                                               double hue) {
        return new AugmentationSettings(minCropScale, maxCropScale, minCropAspectRatio, maxCropAspectRatio,
                flipProbability, p, brightness, contrast, saturation, hue, grayscaleProbability, normalization);
    }

    public AugmentationSettings withGrayscaleProbability(double p) {
        return new AugmentationSettings(minCropScale, maxCropScale, minCropAspectRatio, maxCropAspectRatio,
                flipProbability, colorJitterProbability, brightness, contrast, saturation, hue, p, normalization);
    }

    public AugmentationSettings withNormalization(ChannelNormalization normalization) {
        return new AugmentationSettings(minCropScale, maxCropScale, minCropAspectRatio, maxCropAspectRatio,
                flipProbability, colorJitterProbability, brightness, contrast, saturation, hue, grayscaleProbability,
                normalization);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
    }

    private static void requireProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }
}
