package org.simsiamexplorer.data.augment;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;

/**
 * Training batches of two augmented views per image. Each epoch visits the images (or a subset) once in a
 * seeded shuffled order; batches are prepared ahead on worker threads. Same seed, same epoch -> the same
 * batches, whatever the number of threads.
 *
 * <pre>{@code
 * try (var loader = TwoViewBatchLoader.builder().setImages(images)
 *         .setAugmentation(new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), seed))
 *         .setBatchSize(256).build();
 *      var batches = loader.epoch(epoch)) {
 *     while (batches.hasNext()) {
 *         TwoViewBatch batch = batches.next();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class TwoViewBatchLoader implements AutoCloseable {
    private final PlanarImages images;
    private final ViewAugmentation augmentation;
    private final int batchSize;
    private final boolean dropLast;
    private final int workerThreads;
    private final int prefetchBatches;
    private final int[] subset;
    private final Set<PrefetchingBatchStream<TwoViewBatch>> openStreams = ConcurrentHashMap.newKeySet();

    private TwoViewBatchLoader(Builder builder) {
        this.images = Objects.requireNonNull(builder.images, "setImages(...) is required");
        this.augmentation = Objects.requireNonNull(builder.augmentation, "setAugmentation(...) is required");
        if (builder.batchSize < 1) {
            throw new IllegalArgumentException("setBatchSize(...) is required and must be >= 1, got "
                    + builder.batchSize);
        }
        this.batchSize = builder.batchSize;
        this.dropLast = builder.dropLast;
        this.workerThreads = builder.workerThreads;
        this.prefetchBatches = builder.prefetchBatches;
        this.subset = IndexOrder.validatedSubset(builder.subset, images);
        if (batchesPerEpoch() == 0 && subset.length > 0) {
            throw new IllegalArgumentException(subset.length + " images make no full batch of " + batchSize
                    + " when the last incomplete batch is dropped; lower the batch size or use optDropLast(false)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of images one epoch visits (including those of a dropped last batch). */
    public int imagesPerEpoch() {
        return subset.length;
    }

    public int batchesPerEpoch() {
        return dropLast ? subset.length / batchSize : (subset.length + batchSize - 1) / batchSize;
    }

    /** The dataset indices of {@code epoch} in visiting order. */
    public int[] epochOrder(int epoch) {
        return IndexOrder.shuffled(subset, augmentation.seed(), epoch);
    }

    /** Starts preparing {@code epoch}'s batches; close the stream when done or cancelled. */
    public PrefetchingBatchStream<TwoViewBatch> epoch(int epoch) {
        int[] order = epochOrder(epoch);
        openStreams.removeIf(PrefetchingBatchStream::isTerminated);
        PrefetchingBatchStream<TwoViewBatch> stream = new PrefetchingBatchStream<>("augment-epoch-" + epoch,
                batchesPerEpoch(), batchNumber -> prepare(order, epoch, batchNumber), workerThreads,
                prefetchBatches);
        openStreams.add(stream);
        return stream;
    }

    private TwoViewBatch prepare(int[] order, int epoch, int batchNumber) throws InterruptedException {
        int start = batchNumber * batchSize;
        int size = Math.min(batchSize, order.length - start);
        float[] view1 = new float[size * BYTES_PER_IMAGE];
        float[] view2 = new float[size * BYTES_PER_IMAGE];
        int[] indices = new int[size];
        byte[] labels = new byte[size];
        byte[] pixels = images.pixels();
        for (int k = 0; k < size; k++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("batch " + batchNumber + " was cancelled");
            }
            int image = order[start + k];
            indices[k] = image;
            labels[k] = images.labels()[image];
            augmentation.writeView(pixels, image, epoch, 0, view1, k * BYTES_PER_IMAGE);
            augmentation.writeView(pixels, image, epoch, 1, view2, k * BYTES_PER_IMAGE);
        }
        return new TwoViewBatch(view1, view2, indices, labels, size);
    }

    /** Closes every epoch stream this loader opened that is still running. */
    @Override
    public void close() {
        for (PrefetchingBatchStream<TwoViewBatch> stream : openStreams) {
            stream.close();
        }
        openStreams.clear();
    }

    /** {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private PlanarImages images;
        private ViewAugmentation augmentation;
        private int batchSize;
        private boolean dropLast = true;
        private int workerThreads = IndexOrder.defaultWorkerThreads();
        private int prefetchBatches = 3;
        private int[] subset;

        private Builder() {
        }

        public Builder setImages(PlanarImages images) {
            this.images = images;
            return this;
        }

        public Builder setAugmentation(ViewAugmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Visit only these dataset indices (each at most once). Default: all images. */
        public Builder optSubset(int[] indices) {
            this.subset = indices;
            return this;
        }

        /** Drop the last incomplete batch (default true: SimSiam's BatchNorm dislikes tiny batches). */
        public Builder optDropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Threads preparing batches (default: cores - 1, between 1 and 4). */
        public Builder optWorkerThreads(int workerThreads) {
            this.workerThreads = workerThreads;
            return this;
        }

        /** Batches queued or in preparation ahead of the consumer (default 3). */
        public Builder optPrefetchBatches(int prefetchBatches) {
            this.prefetchBatches = prefetchBatches;
            return this;
        }

        public TwoViewBatchLoader build() {
            if (workerThreads < 1 || prefetchBatches < 1) {
                throw new IllegalArgumentException("need at least 1 worker thread and 1 prefetched batch, got "
                        + workerThreads + " threads and " + prefetchBatches + " batches");
            }
            return new TwoViewBatchLoader(this);
        }
    }
}
