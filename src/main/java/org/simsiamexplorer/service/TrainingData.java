package org.simsiamexplorer.service;

/**
 * What a run trains and evaluates on: augmented two-view batches, and normalised (not augmented) images for the
 * kNN monitor. Batches must be a pure function of (seed, epoch, position), so that a resumed run sees the same
 * data as an uninterrupted one.
 */
public interface TrainingData extends AutoCloseable {
    int batchSize();

    int stepsPerEpoch();

    /** The batches of {@code epoch} (0-based) from the first; close the stream when done or cancelled. */
    ViewBatches epoch(int epoch);

    /** Training images whose features form the kNN memory bank. */
    EvalImages memoryBank();

    /** Test images classified by the kNN monitor; their features go to {@code features/}. */
    EvalImages testSet();

    @Override
    void close();

    /** Two augmented views of the same images, each (size, 3, 32, 32) row-major floats. */
    record ViewPair(float[] view1, float[] view2, int size) {
    }

    /** One epoch's batches in order. */
    interface ViewBatches extends AutoCloseable {
        ViewPair next();

        @Override
        void close();
    }

    /** Images with labels, read in slices, normalised like training views but not augmented. */
    interface EvalImages {
        /** Name of the split, used in feature file names ("test", "train"). */
        String split();

        int size();

        /** Class of each image, 0..9. */
        int[] labels();

        /** Index of each image in its split of the dataset. */
        int[] datasetIndices();

        /** All images in order, in batches of (up to) {@code batchSize} as (n, 3, 32, 32) floats. */
        EvalBatches batches(int batchSize);
    }

    /** Evaluation batches in order; each is (n, 3, 32, 32) row-major floats, n = length / 3072. */
    interface EvalBatches extends java.util.Iterator<float[]>, AutoCloseable {
        @Override
        void close();
    }
}
