import org.simsiamexplorer.data.augment.AugmentationSettings;
import org.simsiamexplorer.data.augment.PlanarImages;
import org.simsiamexplorer.data.augment.SimSiamAugmentation;
import org.simsiamexplorer.data.augment.TwoViewBatch;
import org.simsiamexplorer.data.augment.TwoViewBatchLoader;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Augmented views per second on synthetic random CIFAR-sized images, median of 5 runs.
 * "kernel": SimSiamAugmentation.writeView over all images, split across N plain threads.
 * "loader": TwoViewBatchLoader end to end (batch 256, two views per image), N worker threads.
 * Besides wall-clock views/s it prints views per CPU-second (kernel: the worker threads' CPU time; loader:
 * the whole process's), which stays meaningful when other jobs share the cores.
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
        kernel(images, paper, 2, 2);
        for (int threads : new int[] {1, 2}) {
            double[][] rates = new double[2][runs];
            for (int r = 0; r < runs; r++) {
                double[] rate = kernel(images, paper, threads, r + 1);
                rates[0][r] = rate[0];
                rates[1][r] = rate[1];
            }
            report("kernel", threads, rates);
        }
        for (int threads : new int[] {1, 2}) {
            double[][] rates = new double[2][runs];
            for (int r = 0; r < runs; r++) {
                double[] rate = loader(images, paper, threads, r + 1);
                rates[0][r] = rate[0];
                rates[1][r] = rate[1];
            }
            report("loader", threads, rates);
        }
    }

    /** {wall-clock views/s, views per CPU-second of the workers}. */
    private static double[] kernel(PlanarImages images, SimSiamAugmentation augmentation, int threads, int epoch)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        long[] cpuNanos = new long[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int from = images.count() * t / threads;
            int to = images.count() * (t + 1) / threads;
            int slot = t;
            Thread worker = new Thread(() -> {
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                float[] out = new float[PlanarImages.BYTES_PER_IMAGE];
                for (int i = from; i < to; i++) {
                    augmentation.writeView(images.pixels(), i, epoch, 0, out, 0);
                }
                cpuNanos[slot] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double wall = images.count() / ((System.nanoTime() - start) / 1e9);
        return new double[] {wall, images.count() / (Arrays.stream(cpuNanos).sum() / 1e9)};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** {wall-clock views/s, views per CPU-second of the whole process}. */
    private static double[] loader(PlanarImages images, SimSiamAugmentation augmentation, int threads, int epoch) {
        TwoViewBatchLoader loader = TwoViewBatchLoader.builder().setImages(images).setAugmentation(augmentation)
                .setBatchSize(256).optWorkerThreads(threads).optPrefetchBatches(threads + 2).build();
        long views = 0;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try (var batches = loader.epoch(epoch)) {
            while (batches.hasNext()) {
                TwoViewBatch batch = batches.next();
                views += 2L * batch.size();
            }
        }
        double wall = views / ((System.nanoTime() - start) / 1e9);
        return new double[] {wall, views / ((processCpuNanos() - cpuStart) / 1e9)};
    }

    private static void report(String what, int threads, double[][] rates) {
        double[] wall = rates[0].clone();
        double[] cpu = rates[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%s threads=%d median=%.0f views/s wall (min %.0f, max %.0f); median %.0f views per CPU-s%n",
                what, threads, wall[wall.length / 2], wall[0], wall[wall.length - 1], cpu[cpu.length / 2]);
    }
}
