import org.simsiamexplorer.analysis.CancellationToken;
import org.simsiamexplorer.analysis.FeatureMatrix;
import org.simsiamexplorer.analysis.GaussianClusters;
import org.simsiamexplorer.analysis.LayoutQuality;
import org.simsiamexplorer.analysis.Pca;
import org.simsiamexplorer.analysis.PcaConfig;
import org.simsiamexplorer.analysis.Tsne;
import org.simsiamexplorer.analysis.TsneConfig;
import org.simsiamexplorer.analysis.TsneProgress;
import org.simsiamexplorer.analysis.TsneResult;

import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * t-SNE benchmark on the Gaussian set of GaussianClusters: 10 centres ~ N(0, 1^2 I) in 512-d, point i has label
 * i % 10 and value centre + N(0, I), java.util.Random(seed 1).
 *
 * bench/run.sh TsneBench [--n 10000,60000] [--d 512] [--runs 3] [--trust-max 20000 (-1: skip)] [--threads T]
 *                        [--interpolation points,minIntervals,maxWidth,maxIntervals]
 *                        [--write-dir DIR (writes n x d float32 little-endian + int32 labels for other tools)]
 *                        [--layout-in FILE (float32 n x 2 from another tool: only its trustworthiness is printed)]
 *                        [--features RUN/features/STEM (a run's evaluated feature set, e.g. the real test-set
 *                         features runs/x/features/test-epoch-0001, instead of the Gaussian set; --n is ignored)]
 * Per run: wall and process CPU time of each stage (PCA to 50-d, exact kNN, affinities, 750 iterations), each stage
 * timed from its own start report to the next one. Then n, median wall time and process CPU time of Tsne.run,
 * peak heap of the JVM,
 * trustworthiness at k=10 (exact, for n <= trust-max; otherwise on a random 10,000-point subset, marked *),
 * and PCA-2 trustworthiness for reference.
 */
public class TsneBench {
    private static FeatureMatrix realFeatures;
    public static void main(String[] args) throws IOException {
        int[] sizes = {10000};
        int d = 512;
        int runs = 3;
        int trustMax = 20000;
        int threads = Runtime.getRuntime().availableProcessors();
        String writeDir = null;
        String layoutIn = null;
        String interpolation = null;
        Path featureFile = null;
        for (int a = 0; a < args.length; a += 2) {
            switch (args[a]) {
                case "--n" -> sizes = Arrays.stream(args[a + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--d" -> d = Integer.parseInt(args[a + 1]);
                case "--runs" -> runs = Integer.parseInt(args[a + 1]);
                case "--trust-max" -> trustMax = Integer.parseInt(args[a + 1]);
                case "--threads" -> threads = Integer.parseInt(args[a + 1]);
                case "--write-dir" -> writeDir = args[a + 1];
                case "--layout-in" -> layoutIn = args[a + 1];
                case "--interpolation" -> interpolation = args[a + 1];
                case "--features" -> featureFile = Path.of(args[a + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        System.out.printf("threads=%d, max heap=%d MB, load average (1 min) %.2f%n", threads,
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| n | d | t-SNE wall time (median) | process CPU time (median) | runs | peak heap | trustworthiness k=10 | PCA-2 trustworthiness | KL |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        if (featureFile != null) {
            org.simsiamexplorer.service.FeatureSet set = org.simsiamexplorer.service.FeatureSet.read(
                    featureFile.getParent(), featureFile.getFileName().toString());
            sizes = new int[] {set.rows()};
            d = set.dim();
            System.out.printf("features %s: %d x %d%n", featureFile, set.rows(), set.dim());
            realFeatures = new FeatureMatrix(set.values(), set.rows(), set.dim());
        }
        for (int n : sizes) {
            GaussianClusters data = realFeatures != null ? null : GaussianClusters.generate(n, d, 10, 1.0, 1);
            FeatureMatrix features = realFeatures != null ? realFeatures : data.features();
            if (writeDir != null && data != null) {
                write(data, Path.of(writeDir), n, d);
            }
            if (layoutIn != null) {
                FeatureMatrix layout = readLayout(Path.of(layoutIn), n);
                System.out.printf("external layout %s: trustworthiness %.4f%n", layoutIn,
                        LayoutQuality.trustworthiness(features, layout, 10, threads, CancellationToken.NONE));
                continue;
            }
            TsneConfig config = TsneConfig.defaults().withThreads(threads);
            if (interpolation != null) {
                String[] v = interpolation.split(",");
                config = config.withInterpolation(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Double.parseDouble(v[2]),
                        Integer.parseInt(v[3]));
            }
            List<Double> times = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            TsneResult result = null;
            long peak = 0;
            for (int r = 0; r < runs; r++) {
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                long[] lastWall = {start};
                long[] lastCpu = {cpuStart};
                String[] stage = {"setup"};
                StringBuilder stages = new StringBuilder();
                // each stage is reported when it starts, so a report closes the previous stage
                result = Tsne.run(features, config, progress -> {
                    String name = stageName(progress.stage());
                    if (!name.equals(stage[0])) {
                        long wall = System.nanoTime();
                        long cpuNow = processCpuNanos();
                        stages.append(String.format("%s %.2f/%.2f, ", stage[0], (wall - lastWall[0]) / 1e9,
                                (cpuNow - lastCpu[0]) / 1e9));
                        lastWall[0] = wall;
                        lastCpu[0] = cpuNow;
                        stage[0] = name;
                    }
                }, CancellationToken.NONE);
                System.out.println("  run " + (r + 1) + " stages (wall/process CPU s): " + stages);
                times.add((System.nanoTime() - start) / 1e9);
                cpu.add((processCpuNanos() - cpuStart) / 1e9);
                peak = Math.max(peak, peakHeap());
            }
            times.sort(Double::compare);
            double median = times.get(times.size() / 2);
            cpu.sort(Double::compare);
            double cpuMedian = cpu.get(cpu.size() / 2);
            FeatureMatrix pca2 = Pca.fit(features, PcaConfig.of(2).withThreads(threads), CancellationToken.NONE)
                    .transform(features, threads);
            String trust;
            String pcaTrust;
            if (trustMax < 0) {
                trust = "skipped";
                pcaTrust = "skipped";
            } else if (n <= trustMax) {
                trust = String.format("%.4f", LayoutQuality.trustworthiness(features, result.layout(), 10,
                        threads, CancellationToken.NONE));
                pcaTrust = String.format("%.4f", LayoutQuality.trustworthiness(features, pca2, 10, threads,
                        CancellationToken.NONE));
            } else {
                trust = String.format("%.4f*", subsetTrust(features, result.layout(), 10000, threads));
                pcaTrust = String.format("%.4f*", subsetTrust(features, pca2, 10000, threads));
            }
            System.out.printf("| %d | %d | %.2f s (all: %s) | %.2f s | %d | %d MB | %s | %s | %.3f |%n", n, d, median,
                    times.stream().map(t -> String.format("%.2f", t)).toList(), cpuMedian, runs, peak >> 20, trust, pcaTrust,
                    result.klDivergence());
            System.out.printf("load average (1 min) after n=%d: %.2f%n", n,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (writeDir != null) {
                writeFloats(Path.of(writeDir, "java_layout_" + n + ".f32"), result.layout().values());
            }
        }
    }

    private static double subsetTrust(FeatureMatrix x, FeatureMatrix layout, int m, int threads) {
        int n = x.rows();
        int step = n / m;
        float[] xs = new float[m * x.cols()];
        float[] ys = new float[m * 2];
        for (int s = 0; s < m; s++) {
            System.arraycopy(x.values(), s * step * x.cols(), xs, s * x.cols(), x.cols());
            System.arraycopy(layout.values(), s * step * 2, ys, s * 2, 2);
        }
        return LayoutQuality.trustworthiness(new FeatureMatrix(xs, m, x.cols()), new FeatureMatrix(ys, m, 2), 10,
                threads, CancellationToken.NONE);
    }

    private static String stageName(TsneProgress.Stage stage) {
        return switch (stage) {
            case REDUCING_DIMENSIONS -> "PCA";
            case FINDING_NEIGHBOURS -> "kNN";
            case CALIBRATING_AFFINITIES -> "affinities";
            case OPTIMISING -> "optimisation";
            case DONE -> "done";
        };
    }

    /** CPU time of the whole JVM (all threads); with a busy shared machine it is steadier than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void write(GaussianClusters data, Path dir, int n, int d) throws IOException {
        Files.createDirectories(dir);
        writeFloats(dir.resolve("gauss_" + n + "x" + d + ".f32"), data.features().values());
        ByteBuffer labels = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int l : data.labels()) {
            labels.putInt(l);
        }
        Files.write(dir.resolve("gauss_" + n + "_labels.i32"), labels.array());
    }

    private static void writeFloats(Path path, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        Files.write(path, buffer.array());
    }

    private static FeatureMatrix readLayout(Path path, int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[n * 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getFloat();
        }
        return new FeatureMatrix(values, n, 2);
    }
}
