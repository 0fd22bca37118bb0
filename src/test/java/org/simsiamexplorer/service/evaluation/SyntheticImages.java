package org.simsiamexplorer.service.evaluation;

import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.augment.PlanarImages;

import java.util.Random;

/** Tiny labelled image sets whose class is visible: each class has its own base colour, plus pixel noise. */
public final class SyntheticImages {
    private SyntheticImages() {
    }

    public static PlanarImages colouredClasses(int perClass, int classes, long seed) {
        Random random = new Random(seed);
        int count = perClass * classes;
        byte[] pixels = new byte[count * PlanarImages.BYTES_PER_IMAGE];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % classes;
            labels[i] = (byte) label;
            for (int channel = 0; channel < 3; channel++) {
                int base = 25 + 50 * ((label >> channel) & 1) + 100 * (label % (channel + 2)) / (channel + 2);
                for (int p = 0; p < PlanarImages.PIXELS_PER_CHANNEL; p++) {
                    int value = base + (p % 32 < 16 ? 40 * (label % 3) : 0) + random.nextInt(21) - 10;
                    pixels[i * PlanarImages.BYTES_PER_IMAGE + channel * PlanarImages.PIXELS_PER_CHANNEL + p] =
                            (byte) Math.max(0, Math.min(255, value));
                }
            }
        }
        return new PlanarImages(pixels, labels, count);
    }

    public static EvaluationImages cifarLike(int trainPerClass, int testPerClass) {
        return new EvaluationImages(colouredClasses(trainPerClass, 10, 1), colouredClasses(testPerClass, 10, 2),
                Cifar10.CLASS_NAMES);
    }
}
