package org.simsiamexplorer.data.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import static org.simsiamexplorer.data.augment.PlanarImages.SIDE;

/**
 * Everything random about one view, drawn up front so that rendering is a deterministic function of
 * (image, parameters). Also lets a preview show what was drawn.
 */
public record ViewParameters(CropBox crop, boolean flip, ColorJitterParameters jitter, boolean grayscale) {
    /** The unchanged image (only normalisation happens). */
    public static final ViewParameters IDENTITY = new ViewParameters(CropBox.FULL, false, ColorJitterParameters.NONE,
            false);

    private static final int CROP_ATTEMPTS = 10;

    public ViewParameters {
        Objects.requireNonNull(crop, "crop");
        Objects.requireNonNull(jitter, "jitter");
    }

    /** Draws one view's parameters following torchvision's RandomResizedCrop / ColorJitter / Random* semantics. */
    public static ViewParameters draw(AugmentationSettings settings, SplittableRandom random) {
        CropBox crop = drawCrop(settings, random);
        ColorJitterParameters jitter = random.nextDouble() < settings.colorJitterProbability()
                ? drawJitter(settings, random) : ColorJitterParameters.NONE;
        boolean grayscale = random.nextDouble() < settings.grayscaleProbability();
        boolean flip = random.nextDouble() < settings.flipProbability();
        return new ViewParameters(crop, flip, jitter, grayscale);
    }

    /** torchvision {@code RandomResizedCrop.get_params}: ten tries at a random area and log-uniform aspect ratio. */
    static CropBox drawCrop(AugmentationSettings settings, SplittableRandom random) {
        double area = SIDE * SIDE;
        double logMinRatio = Math.log(settings.minCropAspectRatio());
        double logMaxRatio = Math.log(settings.maxCropAspectRatio());
        for (int attempt = 0; attempt < CROP_ATTEMPTS; attempt++) {
            double targetArea = area * uniform(random, settings.minCropScale(), settings.maxCropScale());
            double aspectRatio = Math.exp(uniform(random, logMinRatio, logMaxRatio));
            // Math.rint rounds halves to even, like Python's round().
            int width = (int) Math.rint(Math.sqrt(targetArea * aspectRatio));
            int height = (int) Math.rint(Math.sqrt(targetArea / aspectRatio));
            if (width > 0 && width <= SIDE && height > 0 && height <= SIDE) {
                int top = random.nextInt(SIDE - height + 1);
                int left = random.nextInt(SIDE - width + 1);
                return new CropBox(top, left, height, width);
            }
        }
        // torchvision's fallback: a central crop with the aspect ratio clamped into range.
        int width = SIDE;
        int height = SIDE;
        if (1.0 < settings.minCropAspectRatio()) {
            height = (int) Math.rint(width / settings.minCropAspectRatio());
        } else if (1.0 > settings.maxCropAspectRatio()) {
            width = (int) Math.rint(height * settings.maxCropAspectRatio());
        }
        height = Math.max(1, height);
        width = Math.max(1, width);
        return new CropBox((SIDE - height) / 2, (SIDE - width) / 2, height, width);
    }

    /** torchvision {@code ColorJitter.get_params}: a random order, then one factor per enabled operation. */
    static ColorJitterParameters drawJitter(AugmentationSettings settings, SplittableRandom random) {
        JitterOperation[] all = JitterOperation.values();
        for (int i = all.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            JitterOperation swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        List<JitterOperation> order = new ArrayList<>(all.length);
        float brightness = 1;
        float contrast = 1;
        float saturation = 1;
        float hue = 0;
        for (JitterOperation operation : all) {
            switch (operation) {
                case BRIGHTNESS -> brightness = factor(settings.brightness(), random);
                case CONTRAST -> contrast = factor(settings.contrast(), random);
                case SATURATION -> saturation = factor(settings.saturation(), random);
                case HUE -> hue = settings.hue() == 0 ? 0 : (float) uniform(random, -settings.hue(), settings.hue());
            }
            boolean changes = switch (operation) {
                case BRIGHTNESS -> settings.brightness() > 0;
                case CONTRAST -> settings.contrast() > 0;
                case SATURATION -> settings.saturation() > 0;
                case HUE -> settings.hue() > 0;
            };
            if (changes) {
                order.add(operation);
            }
        }
        return new ColorJitterParameters(order, brightness, contrast, saturation, hue);
    }

    private static float factor(double strength, SplittableRandom random) {
        return strength == 0 ? 1 : (float) uniform(random, Math.max(0, 1 - strength), 1 + strength);
    }

    private static double uniform(SplittableRandom random, double min, double max) {
        return min + (max - min) * random.nextDouble();
    }
}
