package org.simsiamexplorer.service.evaluation;

import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.data.augment.PlanarImages;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Labelled training and test images for an evaluation (CIFAR-10, or tiny synthetic sets in tests). */
public record EvaluationImages(PlanarImages train, PlanarImages test, List<String> classNames) {

    public EvaluationImages {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
    }

    public static EvaluationImages of(Cifar10 cifar) {
        return new EvaluationImages(planar(cifar.train()), planar(cifar.test()), cifar.classNames());
    }

    private static PlanarImages planar(CifarDataset dataset) {
        return new PlanarImages(dataset.pixels(), dataset.labels(), dataset.size());
    }

    public int classes() {
        return classNames.size();
    }

    /**
     * {@code size} distinct indices of {@code 0..total-1} drawn with {@code seed}, in ascending order; all indices
     * when {@code size} is 0 or at least {@code total}. The same (total, size, seed) always gives the same subset,
     * so every cell of an experiment is scored on the same images.
     */
    public static int[] subset(int total, int size, long seed) {
        int[] all = IntStream.range(0, total).toArray();
        if (size <= 0 || size >= total) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(total - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = java.util.Arrays.copyOf(all, size);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    static int[] labelsOf(PlanarImages images, int[] indices) {
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = images.labels()[indices[i]] & 0xFF;
        }
        return labels;
    }
}
