package org.simsiamexplorer.data.augment;

import java.util.Objects;

import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;

/**
 * Batches of normalised, unaugmented images in a fixed order (the dataset order, or the subset's order), the
 * last batch possibly smaller: for feature extraction, kNN and linear probes. Prepared ahead on worker threads.
 */
public final class EvalBatchLoader {
    private final PlanarImages images;
    private final int batchSize;
    private final int[] subset;
    private final int workerThreads;
    private final int prefetchBatches;
    private final float[][] normalizedByteTable;

    private EvalBatchLoader(Builder builder) {
        this.images = Objects.requireNonNull(builder.images, "setImages(...) is required");
        if (builder.batchSize < 1) {
            throw new IllegalArgumentException("setBatchSize(...) is required and must be >= 1, got "
                    + builder.batchSize);
        }
        if (builder.workerThreads < 1 || builder.prefetchBatches < 1) {
            throw new IllegalArgumentException("need at least 1 worker thread and 1 prefetched batch, got "
                    + builder.workerThreads + " threads and " + builder.prefetchBatches + " batches");
        }
        this.batchSize = builder.batchSize;
        this.subset = IndexOrder.validatedSubset(builder.subset, images);
        this.workerThreads = builder.workerThreads;
        this.prefetchBatches = builder.prefetchBatches;
        this.normalizedByteTable = ViewRenderer.normalizedByteTable(
                Objects.requireNonNull(builder.normalization, "normalization"));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int batchCount() {
        return (subset.length + batchSize - 1) / batchSize;
    }

    /** Starts preparing all batches; close the stream when done or cancelled. */
    public PrefetchingBatchStream<ImageBatch> batches() {
        return new PrefetchingBatchStream<>("eval-batches", batchCount(), this::prepare, workerThreads,
                prefetchBatches);
    }

    private ImageBatch prepare(int batchNumber) throws InterruptedException {
        int start = batchNumber * batchSize;
        int size = Math.min(batchSize, subset.length - start);
        float[] values = new float[size * BYTES_PER_IMAGE];
        int[] indices = new int[size];
        byte[] labels = new byte[size];
        for (int k = 0; k < size; k++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("batch " + batchNumber + " was cancelled");
            }
            int image = subset[start + k];
            indices[k] = image;
            labels[k] = images.labels()[image];
            ViewRenderer.writeNormalized(images.pixels(), image, normalizedByteTable, values, k * BYTES_PER_IMAGE);
        }
        return new ImageBatch(values, indices, labels, size);
    }

    /** {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private PlanarImages images;
        private int batchSize;
        private int[] subset;
        private ChannelNormalization normalization = ChannelNormalization.CIFAR10;
        private int workerThreads = IndexOrder.defaultWorkerThreads();
        private int prefetchBatches = 3;

        private Builder() {
        }

        public Builder setImages(PlanarImages images) {
            this.images = images;
            return this;
        }

        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Only these dataset indices, in this order (each at most once). Default: all images in order. */
        public Builder optSubset(int[] indices) {
            this.subset = indices;
            return this;
        }

        /** Default: CIFAR-10 statistics, matching {@link AugmentationSettings#simSiamCifar()}. */
        public Builder optNormalization(ChannelNormalization normalization) {
            this.normalization = normalization;
            return this;
        }

        public Builder optWorkerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        public Builder optPrefetchBatches(int prefetchBatches) {
            this.prefetchBatches = prefetchBatches;
            return this;
        }

        public EvalBatchLoader build() {
            return new EvalBatchLoader(this);
        }
    }
}
