package org.simsiamexplorer.data.augment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;

class EvalBatchLoaderTest {
    private static final PlanarImages IMAGES = TestImages.random(23, 8);

    private static List<ImageBatch> readAll(EvalBatchLoader loader) {
        List<ImageBatch> batches = new ArrayList<>();
        try (var stream = loader.batches()) {
            stream.forEachRemaining(batches::add);
        }
        return batches;
    }

    @ParameterizedTest(name = "batch {0}, {1} threads")
    @CsvSource({"5, 1", "5, 3", "23, 2", "50, 1"})
    void batchesVisitEveryImageInDatasetOrderWithASmallerLastBatch(int batchSize, int threads) {
        List<ImageBatch> batches = readAll(EvalBatchLoader.builder().setImages(IMAGES).setBatchSize(batchSize)
                .optWorkerThreads(threads).build());
        assertEquals((23 + batchSize - 1) / batchSize, batches.size());
        assertEquals(23 - (batches.size() - 1) * batchSize, batches.get(batches.size() - 1).size());
        int[] order = batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
        assertArrayEquals(IntStream.range(0, 23).toArray(), order);
    }

    @Test
    void imagesAreNormalisedButNotAugmentedAndKeepTheSubsetOrder() {
        int[] subset = {9, 2, 17};
        ImageBatch batch = readAll(EvalBatchLoader.builder().setImages(IMAGES).setBatchSize(3).optSubset(subset)
                .build()).get(0);
        assertArrayEquals(subset, batch.indices());
        for (int k = 0; k < 3; k++) {
            assertEquals(IMAGES.labels()[subset[k]], batch.labels()[k]);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y += 5) {
                    for (int x = 0; x < 32; x += 3) {
                        assertEquals(TestImages.normalized(IMAGES.pixels(), subset[k], c, y, x,
                                ChannelNormalization.CIFAR10), TestImages.at(batch.images(), k * BYTES_PER_IMAGE,
                                c, y, x), 0f);
                    }
                }
            }
        }
    }
}
