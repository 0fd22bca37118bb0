package org.simsiamexplorer.service;

import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.Verification;
import org.simsiamexplorer.data.augment.AugmentationSettings;
import org.simsiamexplorer.data.augment.EvalBatchLoader;
import org.simsiamexplorer.data.augment.ImageBatch;
import org.simsiamexplorer.data.augment.PlanarImages;
import org.simsiamexplorer.data.augment.PrefetchingBatchStream;
import org.simsiamexplorer.data.augment.SimSiamAugmentation;
import org.simsiamexplorer.data.augment.TwoViewBatch;
import org.simsiamexplorer.data.augment.TwoViewBatchLoader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * CIFAR-10 for a run: located ({@code config.dataDir}, then SIMSIAM_DATA, the remembered folder and the per-user
 * cache), read and MD5-verified unless the user asked otherwise, then served as SimSiam two-view batches (the
 * paper's CIFAR augmentation) and normalised evaluation images. The training subset and the kNN memory bank are
 * seeded random samples of the training set; the kNN monitor classifies the whole test set.
 */
public final class CifarTrainingData implements TrainingData {
    private static final long BANK_SALT = 0x6b6e6eL;

    private final TwoViewBatchLoader loader;
    private final EvalImages memoryBank;
    private final EvalImages testSet;
    private final int batchSize;

    private CifarTrainingData(Cifar10 cifar, TrainingConfig config) {
        PlanarImages train = planar(cifar.train());
        PlanarImages test = planar(cifar.test());
        this.batchSize = config.batchSize();
        this.loader = TwoViewBatchLoader.builder().setImages(train)
                .setAugmentation(new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), config.seed()))
                .setBatchSize(config.batchSize())
                .optSubset(sample(train.count(), config.trainSubset(), config.seed()))
                .build();
        this.memoryBank = new Split("train", train, sample(train.count(), config.knnTrainSubset(),
                config.seed() ^ BANK_SALT));
        this.testSet = new Split("test", test, identity(test.count()));
    }

    /** The standard factory: locate, read and (unless {@code verifyData} is false) verify CIFAR-10. */
    public static TrainingData open(TrainingConfig config) throws IOException {
        Path explicit = config.dataDir() == null ? null : Path.of(config.dataDir());
        Path location = CifarLocator.standard().locateOrThrow(explicit).path();
        Cifar10 cifar = Cifar10Reader.read(location, config.verifyData() ? Verification.VERIFY_MD5 : Verification.SKIP);
        return new CifarTrainingData(cifar, config);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int stepsPerEpoch() {
        return loader.batchesPerEpoch();
    }

    @Override
    public ViewBatches epoch(int epoch) {
        PrefetchingBatchStream<TwoViewBatch> stream = loader.epoch(epoch);
        return new ViewBatches() {
            @Override
            public ViewPair next() {
                TwoViewBatch batch = stream.next();
                return new ViewPair(batch.view1(), batch.view2(), batch.size());
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    @Override
    public EvalImages memoryBank() {
        return memoryBank;
    }

    @Override
    public EvalImages testSet() {
        return testSet;
    }

    @Override
    public void close() {
        loader.close();
    }

    private static PlanarImages planar(CifarDataset dataset) {
        return new PlanarImages(dataset.pixels(), dataset.labels(), dataset.size());
    }

    /** {@code count} distinct indices of {@code 0..total-1} drawn with {@code seed}, sorted; all when 0. */
    static int[] sample(int total, int count, long seed) {
        if (count <= 0 || count >= total) {
            return identity(total);
        }
        int[] all = identity(total);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(total - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, count);
        Arrays.sort(chosen);
        return chosen;
    }

    private static int[] identity(int n) {
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return indices;
    }

    /** A split (or a subset of it) for feature extraction. */
    private record Split(String split, PlanarImages images, int[] indices) implements EvalImages {
        @Override
        public int size() {
            return indices.length;
        }

        @Override
        public int[] labels() {
            return Arrays.stream(indices).map(i -> images.labels()[i]).toArray();
        }

        @Override
        public int[] datasetIndices() {
            return indices.clone();
        }

        @Override
        public EvalBatches batches(int batchSize) {
            PrefetchingBatchStream<ImageBatch> stream = EvalBatchLoader.builder().setImages(images)
                    .setBatchSize(batchSize).optSubset(indices).build().batches();
            return new EvalBatches() {
                @Override
                public boolean hasNext() {
                    return stream.hasNext();
                }

                @Override
                public float[] next() {
                    return stream.next().images();
                }

                @Override
                public void close() {
                    stream.close();
                }
            };
        }
    }
}
