package org.simsiamexplorer.explain;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.simsiamexplorer.data.CancellationToken;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Completeness on the real architecture at full width: CIFAR ResNet-18 at width 1.0 (11.2M parameters) plus the
 * evaluation's linear head ({@code ClassifierHead}), random weights with BatchNorm running statistics calibrated on
 * image-like inputs ({@link CalibratedResNet}: 10 training-mode passes over 8 smooth images). Per class, the sum of
 * the attributions must be within 5% of f(x) - f(x'), relative to the image's largest score change.
 *
 * <p>Why 1024 samples on one reference path: the gap is the error of a Monte-Carlo path integral, and the gradient of
 * a randomly initialised full-width ReLU network changes at every one of the many unit crossings along the path
 * (it behaves like a random walk), so the stratified estimate converges only like 1/samples. Measured on this
 * network (float32, one reference): 256 samples left a worst-class gap of 5.1% to 7.7% depending on the
 * calibration, two references with 128 each 16.5%; with 1024 the worst class was at 1.2% (float32) and 3.5%
 * (bfloat16). bench/ShapBench reports the gap on a run's trained classifier.
 *
 * <p>Tagged {@code slow}: about 130 CPU seconds in float32 plus 70 in bfloat16 (174 s for both on the shared 2-core
 * machine at load average 3-5). It runs in the default test run and in CI; {@code -Dtest.excludedGroups=slow} leaves
 * it out while iterating.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullWidthResNetCompletenessTest {
    private static final int SAMPLES = 1024;

    private NDManager manager;
    private Block classifier;
    private final float[] input = Inputs.smoothImages(1, 32, 10);
    private final float[] reference = Inputs.smoothImages(1, 32, 11);

    @BeforeAll
    void calibrateTheNetwork() {
        manager = NDManager.newBaseManager(Device.cpu());
        classifier = CalibratedResNet.classifier(manager, 1.0, 2024, 10, 8);
    }

    @AfterAll
    void release() {
        manager.close();
    }

    @Test
    void inFloat32TheAttributionsAddUpToTheScoreChangeWithin5Percent() {
        assertGapBelow(GradientPrecision.FLOAT32, 0.05);
    }

    /**
     * The app's default on CPUs with native bfloat16. The bound is wider: the bfloat16 network is a slightly
     * different function (rounded weights and activations) whose gradients are integrated while f(x) - f(x') comes
     * from the float32 one; bfloat16 added 2-3 points to the float32 gap on this network (3.5% vs 1.2%).
     */
    @Test
    void withBfloat16GradientsTheAttributionsAddUpWithin8Percent() {
        assertGapBelow(GradientPrecision.BFLOAT16, 0.08);
    }

    private void assertGapBelow(GradientPrecision precision, double bound) {
        DjlClassScoreModel model = new DjlClassScoreModel(classifier, manager, new Shape(3, 32, 32), 10,
                ScoreOutput.LOGITS, precision);
        Attribution attribution = new ExpectedGradientsExplainer(model,
                new ExpectedGradientsSettings(SAMPLES, 1, 0, 32, 4))
                .explain(input, reference, 1, ExplainListener.NONE, new CancellationToken());

        for (int c = 0; c < 10; c++) {
            double gap = attribution.completenessGap(c);
            System.out.printf("%s class %d: sum %.4f, f(x) - f(x') %.4f, gap %.2f%%%n", precision.label(), c,
                    attribution.total(c), attribution.scoreChange(c), 100 * gap);
            assertTrue(gap < bound, precision.label() + " class " + c + " completeness gap " + gap);
        }
    }
}
