import org.simsiamexplorer.analysis.CancellationToken;
import org.simsiamexplorer.analysis.FeatureMatrix;
import org.simsiamexplorer.analysis.GaussianClusters;
import org.simsiamexplorer.analysis.KnnClassifier;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * kNN monitor benchmark: bench/run.sh KnnBench [--train 50000] [--test 10000] [--d 512] [--runs 3]
 * Train and test come from one GaussianClusters set (10 centres ~ N(0, 0.3^2 I), points centre + N(0, I), seed 2):
 * the first rows are train, the rest test. Prints the median wall time and process CPU time of
 * KnnClassifier.standard().accuracy (200-NN cosine vote, temperature 0.1) and the accuracy.
 */
public class KnnBench {
    public static void main(String[] args) {
        int train = 50000;
        int test = 10000;
        int d = 512;
        int runs = 3;
        for (int a = 0; a < args.length; a += 2) {
            switch (args[a]) {
                case "--train" -> train = Integer.parseInt(args[a + 1]);
                case "--test" -> test = Integer.parseInt(args[a + 1]);
                case "--d" -> d = Integer.parseInt(args[a + 1]);
                case "--runs" -> runs = Integer.parseInt(args[a + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        GaussianClusters data = GaussianClusters.generate(train + test, d, 10, 0.3, 2);
        float[] v = data.features().values();
        FeatureMatrix trainX = new FeatureMatrix(Arrays.copyOfRange(v, 0, train * d), train, d);
        FeatureMatrix testX = new FeatureMatrix(Arrays.copyOfRange(v, train * d, (train + test) * d), test, d);
        int[] trainY = Arrays.copyOfRange(data.labels(), 0, train);
        int[] testY = Arrays.copyOfRange(data.labels(), train, train + test);
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        double accuracy = 0;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            accuracy = KnnClassifier.standard().accuracy(trainX, trainY, testX, testY, CancellationToken.NONE);
            wall.add((System.nanoTime() - start) / 1e9);
            cpu.add((cpuNanos() - cpuStart) / 1e9);
        }
        wall.sort(Double::compare);
        cpu.sort(Double::compare);
        double gfma = (double) train * test * d / 1e9;
        System.out.printf("| train %d x %d vs test %d | wall %.2f s (median of %d: %s) | CPU %.2f s | %.2f G multiply-adds/CPU-s | top-1 %.4f |%n",
                train, d, test, wall.get(runs / 2), runs, wall, cpu.get(runs / 2), gfma / cpu.get(runs / 2), accuracy);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
