package org.simsiamexplorer.data.augment;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Which images an epoch visits and in what order. */
final class IndexOrder {
    private IndexOrder() {
    }

    /** {@code subset} checked (in range, no duplicates) and copied, or all images when it is null. */
    static int[] validatedSubset(int[] subset, PlanarImages images) {
        if (subset == null) {
            return IntStream.range(0, images.count()).toArray();
        }
        BitSet seen = new BitSet(images.count());
        for (int index : subset) {
            images.checkIndex(index);
            if (seen.get(index)) {
                throw new IllegalArgumentException("image index " + index + " appears twice in the subset");
            }
            seen.set(index);
        }
        return subset.clone();
    }

    /** Fisher-Yates shuffle of a copy of {@code indices}, seeded per (seed, epoch). */
    static int[] shuffled(int[] indices, long seed, int epoch) {
        int[] order = indices.clone();
        SplittableRandom random = new SplittableRandom(SampleSeeds.forShuffle(seed, epoch));
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    static int defaultWorkerThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }
}
