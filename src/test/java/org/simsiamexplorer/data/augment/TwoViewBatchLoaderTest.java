package org.simsiamexplorer.data.augment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.simsiamexplorer.data.augment.PlanarImages.BYTES_PER_IMAGE;

class TwoViewBatchLoaderTest {
    private static final PlanarImages IMAGES = TestImages.random(53, 3);

    private static TwoViewBatchLoader.Builder loader(long seed) {
        return TwoViewBatchLoader.builder().setImages(IMAGES)
                .setAugmentation(new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), seed));
    }

    private static List<TwoViewBatch> readEpoch(TwoViewBatchLoader loader, int epoch) {
        List<TwoViewBatch> batches = new ArrayList<>();
        try (var stream = loader.epoch(epoch)) {
            while (stream.hasNext()) {
                batches.add(stream.next());
            }
        }
        return batches;
    }

    @ParameterizedTest(name = "batch {0}, dropLast {1}, {2} threads -> {3} batches")
    @CsvSource({"10, false, 1, 6", "10, false, 3, 6", "53, false, 2, 1", "7, false, 2, 8", "64, false, 1, 1"})
    void everyImageOfAnEpochAppearsExactlyOnce(int batchSize, boolean dropLast, int threads, int expectedBatches) {
        TwoViewBatchLoader loader = loader(1).setBatchSize(batchSize).optDropLast(dropLast)
                .optWorkerThreads(threads).build();
        List<TwoViewBatch> batches = readEpoch(loader, 4);
        assertEquals(expectedBatches, batches.size());
        int[] seen = batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, IMAGES.count()).toArray(), seen);
    }

    @Test
    void droppingTheLastIncompleteBatchKeepsOnlyFullBatchesOfDistinctImages() {
        List<TwoViewBatch> batches = readEpoch(loader(1).setBatchSize(10).optDropLast(true).build(), 0);
        assertEquals(5, batches.size());
        assertTrue(batches.stream().allMatch(b -> b.size() == 10 && b.view1().length == 10 * BYTES_PER_IMAGE));
        assertEquals(50, batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).distinct().count());
    }

    @Test
    void aSubsetIsVisitedExactlyOnce() {
        int[] subset = {3, 50, 7, 11, 12, 0, 31};
        TwoViewBatchLoader loader = loader(1).setBatchSize(3).optDropLast(false).optSubset(subset).build();
        int[] seen = readEpoch(loader, 2).stream().flatMapToInt(b -> Arrays.stream(b.indices())).sorted().toArray();
        assertArrayEquals(new int[] {0, 3, 7, 11, 12, 31, 50}, seen);
    }

    @Test
    void sameSeedGivesIdenticalBatchesWhateverTheThreadCount() {
        List<TwoViewBatch> one = readEpoch(loader(42).setBatchSize(8).optWorkerThreads(1).build(), 3);
        List<TwoViewBatch> three = readEpoch(loader(42).setBatchSize(8).optWorkerThreads(3).optPrefetchBatches(4)
                .build(), 3);
        assertEquals(one.size(), three.size());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i).indices(), three.get(i).indices());
            assertArrayEquals(one.get(i).view1(), three.get(i).view1(), 0f);
            assertArrayEquals(one.get(i).view2(), three.get(i).view2(), 0f);
        }
    }

    @Test
    void differentSeedsOrEpochsGiveDifferentBatches() {
        TwoViewBatch seed1 = readEpoch(loader(1).setBatchSize(8).build(), 0).get(0);
        TwoViewBatch seed2 = readEpoch(loader(2).setBatchSize(8).build(), 0).get(0);
        TwoViewBatch seed1Epoch1 = readEpoch(loader(1).setBatchSize(8).build(), 1).get(0);
        assertFalse(Arrays.equals(seed1.indices(), seed2.indices()));
        assertFalse(Arrays.equals(seed1.view1(), seed2.view1()));
        assertFalse(Arrays.equals(seed1.indices(), seed1Epoch1.indices()));
    }

    @Test
    void batchesCarryTheViewsAndLabelsOfTheirImages() {
        SimSiamAugmentation augmentation = new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), 5);
        TwoViewBatchLoader loader = TwoViewBatchLoader.builder().setImages(IMAGES).setAugmentation(augmentation)
                .setBatchSize(4).build();
        TwoViewBatch batch = readEpoch(loader, 6).get(2);
        float[] expected = new float[BYTES_PER_IMAGE];
        for (int k = 0; k < batch.size(); k++) {
            int image = batch.indices()[k];
            assertEquals(IMAGES.labels()[image], batch.labels()[k]);
            augmentation.writeView(IMAGES.pixels(), image, 6, 1, expected, 0);
            assertArrayEquals(expected, Arrays.copyOfRange(batch.view2(), k * BYTES_PER_IMAGE,
                    (k + 1) * BYTES_PER_IMAGE), 0f);
        }
        assertArrayEquals(new long[] {4, 3, 32, 32}, batch.shape());
        assertFalse(Arrays.equals(batch.view1(), batch.view2()), "two different views");
    }

    @Test
    void aWorkerExceptionReachesTheConsumerNamingTheBatch() {
        ViewAugmentation failing = new FailingAugmentation(20);
        TwoViewBatchLoader loader = TwoViewBatchLoader.builder().setImages(IMAGES).setAugmentation(failing)
                .setBatchSize(53).optWorkerThreads(2).build();
        try (var batches = loader.epoch(0)) {
            var error = assertThrows(BatchPreparationException.class, batches::next);
            assertTrue(error.getMessage().contains("preparing batch 0 of 1 failed"), error.getMessage());
            assertTrue(error.getMessage().contains("corrupt image 20"), error.getMessage());
            assertEquals(IllegalStateException.class, error.getCause().getClass());
            assertFalse(batches.hasNext(), "a failed stream is closed");
        }
    }

    @Test
    void closeStopsWorkersPromptly() {
        TwoViewBatchLoader loader = TwoViewBatchLoader.builder().setImages(IMAGES)
                .setAugmentation(new SlowAugmentation()).setBatchSize(10).optWorkerThreads(2).build();
        var batches = loader.epoch(0);
        sleep(50);
        long start = System.nanoTime();
        batches.close();
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1000), "close took too long");
        assertTrue(batches.isTerminated(), "worker threads ended");
        assertFalse(batches.hasNext());
    }

    @Test
    void closingFromAnotherThreadReleasesAWaitingConsumer() throws InterruptedException {
        TwoViewBatchLoader loader = TwoViewBatchLoader.builder().setImages(IMAGES)
                .setAugmentation(new SlowAugmentation()).setBatchSize(50).optWorkerThreads(1).build();
        var batches = loader.epoch(0);
        CountDownLatch waiting = new CountDownLatch(1);
        Thread canceller = new Thread(() -> {
            await(waiting);
            sleep(50);
            loader.close();
        });
        canceller.start();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            waiting.countDown();
            assertThrows(BatchPreparationException.class, batches::next);
        });
        canceller.join(5000);
        assertTrue(batches.isTerminated());
    }

    @Test
    void badLoaderConfigurationsGetClearMessages() {
        var noBatch = assertThrows(IllegalArgumentException.class, () -> loader(1).build());
        assertTrue(noBatch.getMessage().contains("setBatchSize"), noBatch.getMessage());
        var tooBig = assertThrows(IllegalArgumentException.class, () -> loader(1).setBatchSize(100).build());
        assertTrue(tooBig.getMessage().contains("no full batch"), tooBig.getMessage());
        var duplicate = assertThrows(IllegalArgumentException.class,
                () -> loader(1).setBatchSize(1).optSubset(new int[] {1, 2, 1}).build());
        assertTrue(duplicate.getMessage().contains("twice"), duplicate.getMessage());
        var outside = assertThrows(IndexOutOfBoundsException.class,
                () -> loader(1).setBatchSize(1).optSubset(new int[] {53}).build());
        assertTrue(outside.getMessage().contains("53"), outside.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails on one image, like a corrupt record would. */
    private record FailingAugmentation(int badImage) implements ViewAugmentation {
        @Override
        public long seed() {
            return 1;
        }

        @Override
        public void writeView(byte[] pixels, int imageIndex, int epoch, int view, float[] dest, int destOffset) {
            if (imageIndex == badImage) {
                throw new IllegalStateException("corrupt image " + imageIndex);
            }
        }
    }

    /** Takes 20 ms per view, so a batch is still being prepared when the test closes the stream. */
    private static final class SlowAugmentation implements ViewAugmentation {
        @Override
        public long seed() {
            return 1;
        }

        @Override
        public void writeView(byte[] pixels, int imageIndex, int epoch, int view, float[] dest, int destOffset) {
            sleep(20);
        }
    }
}
