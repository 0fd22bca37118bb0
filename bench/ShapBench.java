import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.explain.Attribution;
import org.simsiamexplorer.explain.DjlClassScoreModel;
import org.simsiamexplorer.explain.ExpectedGradientsExplainer;
import org.simsiamexplorer.explain.ExpectedGradientsSettings;
import org.simsiamexplorer.explain.ExplainListener;
import org.simsiamexplorer.explain.GradientPrecision;
import org.simsiamexplorer.explain.ScoreOutput;
import org.simsiamexplorer.explain.SuperpixelShapExplainer;
import org.simsiamexplorer.explain.SuperpixelShapSettings;
import org.simsiamexplorer.model.CifarResNet;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seconds to explain one 32x32 image for all 10 classes with CIFAR ResNet-18 + linear head (random weights: timing
 * does not depend on them), median of several runs after one warm-up, per width multiplier:
 *   eg:     expected gradients, 64 samples over 64 background images (one forward of the batch, one backward per
 *           class through the kept graph; the project's DjlClassScoreModel), batch 32
 *   trick:  the alternative "replicate the batch 10x, one backward of sum_c score_c(copy c)" (10x forward work)
 *   patch:  patch SHAP, 8x8 patches, Kernel SHAP with 1024 coalitions (forward passes only)
 *   plus the completeness gap of the eg run (sum of attributions vs f(x) - mean f(x'), largest over classes,
 *   relative to the largest score change).
 * Also prints the median process CPU seconds: on a shared machine the wall clock includes waiting for other jobs,
 * the CPU time is what the work costs (on 2 idle cores the wall time is roughly CPU time / 2 or more).
 * Usage: bench/run.sh ShapBench [runs=3] [widths=0.25,1.0] [parts=eg,trick,patch] [precisions=float32,bfloat16]
 *        [batch=32]
 *
 * With a run directory that has an evaluated classifier (eval/linear or eval/finetune), the real service path
 * (ExplainService.open, CIFAR normalisation, seeded training-set references) on real test images: completeness gap
 * and seconds per image of expected gradients at 64, 128 and 256 samples (64 references), per precision:
 *   bench/run.sh ShapBench run RUN_DIR [CIFAR_DIR=../shared/datasets/cifar-10-batches-bin] [images=4]
 *        [precisions=float32,bfloat16]
 * The gap per image is the largest over classes of |sum of attributions - (f(x) - base)| relative to the image's
 * largest |f(x) - base|; the median and the worst over the images are printed.
 */
public class ShapBench {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("run")) {
            TrainedClassifierGaps.run(args);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        double[] widths = Arrays.stream((args.length > 1 ? args[1] : "0.25,1.0").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        List<String> parts = List.of((args.length > 2 ? args[2] : "eg,trick,patch").split(","));
        List<GradientPrecision> precisions = Arrays.stream((args.length > 3 ? args[3] : "float32,bfloat16")
                .split(",")).map(p -> GradientPrecision.valueOf(p.toUpperCase(java.util.Locale.ROOT))).toList();
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        System.out.printf("runs=%d cores=%d intra-op threads=%s%n", runs, Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"));
        Engine.getEngine("PyTorch").setRandomSeed(7);
        for (double width : widths) {
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                SequentialBlock classifier = new SequentialBlock().add(CifarResNet.backbone(width))
                        .add(Linear.builder().setUnits(10).build());
                classifier.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
                DjlClassScoreModel model = new DjlClassScoreModel(classifier, manager, new Shape(3, 32, 32), 10,
                        ScoreOutput.LOGITS);
                float[] image = gaussian(3072, 1);
                float[] background = gaussian(64 * 3072, 2);
                if (parts.contains("eg")) {
                    for (GradientPrecision precision : precisions) {
                        DjlClassScoreModel egModel = new DjlClassScoreModel(classifier, manager, new Shape(3, 32, 32),
                                10, ScoreOutput.LOGITS, precision);
                        ExpectedGradientsSettings settings = new ExpectedGradientsSettings(64, 64, 0, batch, 3);
                        double[] gap = new double[1];
                        double median = median(runs, () -> {
                            Attribution a = new ExpectedGradientsExplainer(egModel, settings).explain(image,
                                    background, 64, ExplainListener.NONE, new CancellationToken());
                            gap[0] = a.completenessGap();
                        });
                        System.out.printf("width %.4g  eg    64 samples/64 refs, batch %d, %s: median %.2f s"
                                + "  (completeness gap %.1f%%)%n", width, batch, precision.label(), median,
                                100 * gap[0]);
                    }
                }
                if (parts.contains("trick")) {
                    double median = median(runs, () -> replicatedBackward(classifier, manager, image, background));
                    System.out.printf("width %.4g  trick 64 samples x 10 classes replicated, one backward:"
                            + " median %.2f s%n", width, median);
                }
                if (parts.contains("patch")) {
                    SuperpixelShapExplainer patch = new SuperpixelShapExplainer(model, SuperpixelShapSettings.DEFAULTS,
                            3, 32);
                    double median = median(runs, () -> patch.explain(image, null, ExplainListener.NONE,
                            new CancellationToken()));
                    System.out.printf("width %.4g  patch 8x8 Kernel SHAP, %d evaluations: median %.2f s%n", width,
                            patch.evaluations(), median);
                }
            }
        }
    }

    /** The alternative to one backward per class: 10 copies of the samples, copy c differentiates class c. */
    private static void replicatedBackward(SequentialBlock classifier, NDManager manager, float[] image,
                                           float[] background) {
        List<Parameter> trainable = classifier.getParameters().values().stream()
                .filter(Parameter::requiresGradient).toList();
        trainable.forEach(p -> p.getArray().setRequiresGradient(false));
        JniUtils.setGradMode(true);
        try (NDManager scope = manager.newSubManager()) {
            for (int start = 0; start < 64; start += 16) {
                float[] points = new float[16 * 10 * 3072];
                for (int c = 0; c < 10; c++) {
                    for (int j = 0; j < 16; j++) {
                        double alpha = (j + 0.5) / 16;
                        for (int i = 0; i < 3072; i++) {
                            float ref = background[(start + j) * 3072 + i];
                            points[(c * 16 + j) * 3072 + i] = (float) (ref + alpha * (image[i] - ref));
                        }
                    }
                }
                NDArray x = scope.create(points, new Shape(160, 3, 32, 32));
                x.setRequiresGradient(true);
                NDArray logits = classifier.forward(new ParameterStore(scope, false), new NDList(x), false)
                        .singletonOrThrow();
                NDArray selector = scope.eye(10).repeat(0, 16);
                NDArray target = logits.mul(selector).sum();
                JniUtils.backward((PtNDArray) target, (PtNDArray) scope.ones(target.getShape()), false, false);
                x.getGradient().toFloatArray();
            }
        } finally {
            JniUtils.setGradMode(false);
            trainable.forEach(p -> p.getArray().setRequiresGradient(true));
        }
    }

    /** Median wall-clock seconds; also prints the median process CPU seconds (what a quiet machine would need). */
    private static double median(int runs, Runnable work) {
        work.run(); // warm-up
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            work.run();
            seconds[r] = (System.nanoTime() - start) / 1e9;
            cpu[r] = (processCpuNanos() - cpuStart) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        System.out.printf("    runs %s s wall, median CPU %.2f s (load average %.1f)%n", Arrays.toString(
                Arrays.stream(seconds).map(v -> Math.round(v * 100) / 100.0).toArray()), cpu[runs / 2],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return seconds[runs / 2];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static float[] gaussian(int count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** Completeness gap vs samples on a run's evaluated classifier, through ExplainService. */
    static final class TrainedClassifierGaps {
        static void run(String[] args) throws Exception {
            java.nio.file.Path run = java.nio.file.Path.of(args[1]);
            java.nio.file.Path data = java.nio.file.Path.of(args.length > 2 ? args[2]
                    : "../shared/datasets/cifar-10-batches-bin");
            int images = args.length > 3 ? Integer.parseInt(args[3]) : 4;
            List<String> precisions = List.of((args.length > 4 ? args[4] : "float32,bfloat16").split(","));
            org.simsiamexplorer.data.Cifar10 cifar = org.simsiamexplorer.data.Cifar10Reader.read(data,
                    org.simsiamexplorer.data.Verification.SKIP);
            int[] indices = new int[images];
            for (int i = 0; i < images; i++) {
                indices[i] = i * 997 % cifar.test().size();
            }
            for (String precision : precisions) {
                System.setProperty("simsiam.shap.precision", precision);
                try (org.simsiamexplorer.service.ExplainService service = org.simsiamexplorer.service.ExplainService
                        .open(run, cifar.test(), cifar.train())) {
                    System.out.println(service.classifierName() + ", " + precision + " gradients, test images "
                            + Arrays.toString(indices));
                    org.simsiamexplorer.service.ExplanationRequest warm = org.simsiamexplorer.service
                            .ExplanationRequest.DEFAULTS.withSamples(32);
                    service.explain(new int[] {indices[0]}, warm, (i, n, f) -> { }, new CancellationToken());
                    for (int samples : new int[] {64, 128, 256}) {
                        org.simsiamexplorer.service.ExplanationRequest request = org.simsiamexplorer.service
                                .ExplanationRequest.DEFAULTS.withSamples(samples);
                        long cpuStart = processCpuNanos();
                        List<org.simsiamexplorer.service.ImageExplanation> results = service.explain(indices,
                                request, (i, n, f) -> { }, new CancellationToken());
                        double cpu = (processCpuNanos() - cpuStart) / 1e9 / images;
                        double[] gaps = results.stream()
                                .mapToDouble(org.simsiamexplorer.service.ImageExplanation::completenessGap).sorted()
                                .toArray();
                        double[] seconds = results.stream().mapToDouble(r -> r.millis() / 1000.0).sorted().toArray();
                        System.out.printf("  %3d samples: completeness gap median %.1f%%, worst %.1f%%; %.2f s per"
                                + " image (median wall), %.2f CPU s per image (load average %.1f)%n", samples,
                                100 * gaps[gaps.length / 2], 100 * gaps[gaps.length - 1], seconds[seconds.length / 2],
                                cpu, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                        .getSystemLoadAverage());
                    }
                }
            }
        }
    }
}
