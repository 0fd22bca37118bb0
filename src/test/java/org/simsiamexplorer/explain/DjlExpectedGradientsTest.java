package org.simsiamexplorer.explain;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.model.CifarResNet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected gradients through real DJL blocks: a Linear layer (exact answer known) and a narrow CIFAR ResNet-18. */
class DjlExpectedGradientsTest {
    private static final Shape IMAGE = new Shape(3, 8, 8);

    @Test
    void onADjlLinearBlockAttributionsAreTheExactShapValues() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(10).build());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8));
            float[][] weights = weightsOf(block);
            DjlClassScoreModel model = new DjlClassScoreModel(block, manager, IMAGE, 10, ScoreOutput.LOGITS);
            float[] input = Inputs.gaussian(192, 1);
            float[] background = Inputs.gaussian(16 * 192, 2);

            Attribution attribution = new ExpectedGradientsExplainer(model,
                    new ExpectedGradientsSettings(32, 16, 0, 16, 3))
                    .explain(input, background, 16, ExplainListener.NONE, new CancellationToken());

            double[][] exact = new LinearScoreModel(weights, new float[10]).exactShap(input, background, 16);
            for (int c = 0; c < 10; c++) {
                double error = Inputs.maxRelativeError(attribution.values()[c], exact[c]);
                assertTrue(error < 1e-3, "class " + c + ": relative error " + error);
            }
        }
    }

    @Test
    void explainingLeavesTheBlocksParametersTrainable() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(4).build());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8));
            DjlClassScoreModel model = new DjlClassScoreModel(block, manager, IMAGE, 4, ScoreOutput.PROBABILITIES);

            model.classGradients(Inputs.gaussian(2 * 192, 1), 2);

            for (Parameter parameter : block.getParameters().values()) {
                assertTrue(parameter.getArray().hasGradient(), parameter.getName() + " lost its gradient");
            }
        }
    }

    /**
     * Completeness on the real architecture: CIFAR ResNet-18 at width 0.0625 (4..32 channels, to keep the suite fast
     * on 2 shared cores; the full width is in bench/ShapBench) plus a 10-way linear head, 512 samples over 4
     * references (128 stratified points per path: completeness is about the path integrals, and gradients of a
     * random-init ReLU network this narrow are "shattered" along a path, so each path needs many points; 25 points
     * over 8 paths left a 9% gap on white-noise images, 64 points over 4 paths up to 5.6%). Inputs are smooth, image-like patterns. Per class, the sum of attributions must be within 5% of f(x) - mean f(x'),
     * relative to the largest score change of the image.
     */
    @Test
    void onANarrowResNet18TheAttributionsAddUpToTheScoreChange() {
        Engine.getEngine("PyTorch").setRandomSeed(2024);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SequentialBlock classifier = new SequentialBlock().add(CifarResNet.backbone(0.0625))
                    .add(Linear.builder().setUnits(10).build());
            classifier.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 32, 32));
            DjlClassScoreModel model = new DjlClassScoreModel(classifier, manager, new Shape(3, 32, 32), 10,
                    ScoreOutput.LOGITS);
            float[] input = Inputs.smoothImages(1, 32, 10);
            float[] background = Inputs.smoothImages(4, 32, 11);

            Attribution attribution = new ExpectedGradientsExplainer(model,
                    new ExpectedGradientsSettings(512, 4, 0, 128, 4))
                    .explain(input, background, 4, ExplainListener.NONE, new CancellationToken());

            for (int c = 0; c < 10; c++) {
                double gap = attribution.completenessGap(c);
                System.out.printf("class %d: sum %.4f, f(x) - E f(x') %.4f, gap %.2f%%%n", c, attribution.total(c),
                        attribution.scoreChange(c), 100 * gap);
                assertTrue(gap < 0.05, "class " + c + " completeness gap " + gap);
            }
        }
    }

    /**
     * What bfloat16 gradient passes cost in accuracy, measured against what the user already lives with: the
     * Monte-Carlo noise of the default 64 samples. On a narrow ResNet-18 (BatchNorm calibrated), 64 samples over 8
     * references: the bfloat16 map differs from the float32 map of the same samples (same seed) by less than two
     * float32 maps of different seeds differ from each other, for every class, and by less than 0.1 in cosine.
     */
    @Test
    void bfloat16ChangesTheMapsLessThanDrawingOtherSamplesDoes() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block classifier = CalibratedResNet.classifier(manager, 0.0625, 7, 10, 8);
            Shape image = new Shape(3, 32, 32);
            DjlClassScoreModel exactModel = new DjlClassScoreModel(classifier, manager, image, 10,
                    ScoreOutput.LOGITS, GradientPrecision.FLOAT32);
            DjlClassScoreModel fastModel = new DjlClassScoreModel(classifier, manager, image, 10,
                    ScoreOutput.LOGITS, GradientPrecision.BFLOAT16);
            float[] input = Inputs.smoothImages(1, 32, 20);
            float[] background = Inputs.smoothImages(8, 32, 21);
            ExpectedGradientsSettings seedA = new ExpectedGradientsSettings(64, 8, 0, 32, 5);

            Attribution exact = explain(exactModel, seedA, input, background);
            Attribution fast = explain(fastModel, seedA, input, background);
            Attribution otherSamples = explain(exactModel, seedA.withSeed(6), input, background);

            for (int c = 0; c < 10; c++) {
                double precisionCosine = cosine(exact.values()[c], fast.values()[c]);
                double samplingCosine = cosine(exact.values()[c], otherSamples.values()[c]);
                System.out.printf("class %d: cosine to float32 %.4f (bfloat16), %.4f (other seed)%n", c,
                        precisionCosine, samplingCosine);
                assertTrue(precisionCosine > samplingCosine, "class " + c + ": bfloat16 cosine " + precisionCosine
                        + " vs other samples " + samplingCosine);
                assertTrue(precisionCosine > 0.9, "class " + c + ": cosine " + precisionCosine);
            }
        }
    }

    private static Attribution explain(DjlClassScoreModel model, ExpectedGradientsSettings settings, float[] input,
                                       float[] background) {
        return new ExpectedGradientsExplainer(model, settings).explain(input, background,
                settings.backgroundSize(), ExplainListener.NONE, new CancellationToken());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }

    private static float[][] weightsOf(SequentialBlock block) {
        float[] flat = block.getParameters().valueAt(0).getArray().toFloatArray();
        assertEquals(10 * 192, flat.length);
        float[][] weights = new float[10][192];
        for (int c = 0; c < 10; c++) {
            System.arraycopy(flat, c * 192, weights[c], 0, 192);
        }
        return weights;
    }
}
