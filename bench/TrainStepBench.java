import ai.djl.Device;
import ai.djl.engine.Engine;
import org.simsiamexplorer.service.SimSiamTrainer;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingData;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Throughput and memory of one SimSiam training step (both views forward + backward + SGD update), on fixed random
 * images so that only the model is measured (no augmentation, no disk).
 *
 *   bench/run.sh TrainStepBench [width=1.0] [batch=64] [steps=10] [warmup=2] [latent=2048] [rssEvery=0]
 *
 * Prints per-step wall images/s and images per process-CPU-second (robust when other jobs share the cores), their
 * medians, and VmRSS / VmHWM (peak RSS) from /proc/self/status; with rssEvery > 0 also VmRSS every rssEvery steps.
 */
public class TrainStepBench {
    public static void main(String[] args) throws IOException {
        double width = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int latent = args.length > 4 ? Integer.parseInt(args[4]) : 2048;
        int rssEvery = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        TrainingConfig config = TrainingConfig.paper().withName("bench").withWidthMultiplier(width)
                .withBatchSize(batch).withLatentDim(latent);
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        System.out.printf(Locale.ROOT, "SimSiam step bench: width %.4g, batch %d, latent %d, device %s, %d steps after %d"
                + " warm-up; RSS at start %s%n", width, batch, latent, device, steps, warmup, memory());
        Random random = new Random(1);
        float[] view1 = new float[batch * 3072];
        float[] view2 = new float[batch * 3072];
        for (int i = 0; i < view1.length; i++) {
            view1[i] = (float) random.nextGaussian();
            view2[i] = (float) random.nextGaussian();
        }
        TrainingData.ViewPair pair = new TrainingData.ViewPair(view1, view2, batch);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> wall = new ArrayList<>();
        List<Double> perCpu = new ArrayList<>();
        try (SimSiamTrainer trainer = new SimSiamTrainer(config, device)) {
            for (int step = 1; step <= warmup + steps; step++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                SimSiamTrainer.StepOutcome outcome = trainer.step(pair, 0.01, 0.01);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
                if (step > warmup) {
                    wall.add(batch / seconds);
                    perCpu.add(batch / cpuSeconds);
                }
                if (rssEvery > 0 ? step % rssEvery == 0 : true) {
                    System.out.printf(Locale.ROOT, "step %4d  loss %.4f  %.1f images/s  %.1f images/CPU-s  %s%n", step,
                            outcome.loss(), batch / seconds, batch / cpuSeconds, memory());
                }
            }
        }
        System.out.printf(Locale.ROOT, "median: %.1f images/s wall, %.1f images per CPU-second; load average %.1f; %s%n",
                median(wall), median(perCpu), os.getSystemLoadAverage(), memory());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String memory() throws IOException {
        String rss = "?";
        String peak = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).trim();
            } else if (line.startsWith("VmHWM:")) {
                peak = line.substring(6).trim();
            }
        }
        Runtime heap = Runtime.getRuntime();
        return "VmRSS " + rss + ", peak VmHWM " + peak + ", Java heap committed "
                + heap.totalMemory() / (1 << 20) + " MB";
    }
}
