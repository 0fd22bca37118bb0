import org.simsiamexplorer.data.augment.AugmentationSettings;
import org.simsiamexplorer.data.augment.PlanarImages;
import org.simsiamexplorer.data.augment.SimSiamAugmentation;
import org.simsiamexplorer.data.augment.TwoViewBatch;
import org.simsiamexplorer.data.augment.TwoViewBatchLoader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Augmented views per second on synthetic random CIFAR-sized images, median of 5 runs.
 * "kernel": SimSiamAugmentation.writeView over all images, split across N plain threads.
 * "loader": TwoViewBatchLoader end to end (batch 256, two views per image), N worker threads.
 * Usage: bench/run.sh AugmentationBench [images=10000] [runs=5]
 */
public class AugmentationBench {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] pixels = new byte[count * PlanarImages.BYTES_PER_IMAGE];
        new Random(1).nextBytes(pixels);
        PlanarImages images = PlanarImages.unlabelled(pixels, count);
        SimSiamAugmentation paper = new SimSiamAugmentation(AugmentationSettings.simSiamCifar(), 7);
        System.out.printf("images=%d runs=%d cores=%d%n", count, runs, Runtime.getRuntime().availableProcessors());
        kernel(images, paper, 1, 1); // warm-up
        for (int threads : new int[] {1, 2}) {
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                rates[r] = kernel(images, paper, threads, r + 1);
            }
            report("kernel", threads, rates);
        }
        for (int threads : new int[] {1, 2}) {
            double[] rates = new double[runs];
            for (int r = 0; r < runs; r++) {
                rates[r] = loader(images, paper, threads, r + 1);
            }
            report("loader", threads, rates);
        }
    }

    private static double kernel(PlanarImages images, SimSiamAugmentation augmentation, int threads, int epoch)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int from = images.count() * t / threads;
            int to = images.count() * (t + 1) / threads;
            Thread worker = new Thread(() -> {
                float[] out = new float[PlanarImages.BYTES_PER_IMAGE];
                for (int i = from; i < to; i++) {
                    augmentation.writeView(images.pixels(), i, epoch, 0, out, 0);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return images.count() / ((System.nanoTime() - start) / 1e9);
    }

    private static double loader(PlanarImages images, SimSiamAugmentation augmentation, int threads, int epoch) {
        TwoViewBatchLoader loader = TwoViewBatchLoader.builder().setImages(images).setAugmentation(augmentation)
                .setBatchSize(256).optWorkerThreads(threads).optPrefetchBatches(threads + 2).build();
        long views = 0;
        long start = System.nanoTime();
        try (var batches = loader.epoch(epoch)) {
            while (batches.hasNext()) {
                TwoViewBatch batch = batches.next();
                views += 2L * batch.size();
            }
        }
        return views / ((System.nanoTime() - start) / 1e9);
    }

    private static void report(String what, int threads, double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf("%s threads=%d median=%.0f views/s (min %.0f, max %.0f)%n", what, threads,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }
}
