package org.simsiamexplorer.service;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.explain.GradientPrecision;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade on a tiny DJL classifier (flatten + linear, so it is fast) over synthetic CIFAR-shaped images. */
class ExplainServiceTest {
    private NDManager manager;
    private ExplainService service;

    @BeforeEach
    void createClassifier() {
        manager = NDManager.newBaseManager(Device.cpu());
        classifier = new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
        classifier.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
        service = ExplainService.forClassifier(classifier, manager, Cifar10.CLASS_NAMES, "tiny linear",
                images(6, 1), images(30, 2), null, GradientPrecision.FLOAT32);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @ParameterizedTest
    @EnumSource(ExplanationMethod.class)
    void everyClassMapAddsUpToTheScoreChangeAndProbabilitiesSumToOne(ExplanationMethod method) {
        ExplanationRequest request = new ExplanationRequest(method, 20, 10, 2, ExplainedScore.LOGIT, 3);

        List<ImageExplanation> results = service.explain(new int[] {4, 1}, request, ExplanationListener.NONE,
                new CancellationToken());

        assertEquals(List.of(4, 1), results.stream().map(ImageExplanation::datasetIndex).toList());
        for (ImageExplanation result : results) {
            double probabilitySum = 0;
            for (float p : result.probabilities()) {
                probabilitySum += p;
            }
            assertEquals(1, probabilitySum, 1e-4);
            for (int c = 0; c < 10; c++) {
                double sum = 0;
                for (float value : result.pixelAttributions()[c]) {
                    sum += value;
                }
                double change = result.inputScores()[c] - result.baseScores()[c];
                assertEquals(change, sum, 1e-3 * Math.max(1, Math.abs(change)), "class " + c);
            }
            assertEquals(1024, result.pixelAttributions()[0].length);
        }
    }

    @Test
    void bfloat16GradientsAddUpWithinAPercentAndTheDescriptionSaysSo() {
        ExplainService fast = ExplainService.forClassifier(classifier, manager, Cifar10.CLASS_NAMES,
                "tiny linear", images(6, 1), images(30, 2), null, GradientPrecision.BFLOAT16);
        ExplanationRequest request = new ExplanationRequest(ExplanationMethod.EXPECTED_GRADIENTS, 20, 10, 2,
                ExplainedScore.LOGIT, 3);

        ImageExplanation exact = service.explain(new int[] {4}, request, ExplanationListener.NONE,
                new CancellationToken()).get(0);
        ImageExplanation approximate = fast.explain(new int[] {4}, request, ExplanationListener.NONE,
                new CancellationToken()).get(0);

        double largest = 0;
        for (int c = 0; c < 10; c++) {
            largest = Math.max(largest, Math.abs(exact.inputScores()[c] - exact.baseScores()[c]));
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(exact.inputScores()[c], approximate.inputScores()[c], 1e-6, "scores stay float32");
            double change = approximate.inputScores()[c] - approximate.baseScores()[c];
            assertEquals(change, sum(approximate.pixelAttributions()[c]), 0.01 * largest, "class " + c);
            assertTrue(sum(approximate.pixelAttributions()[c]) != sum(exact.pixelAttributions()[c]),
                    "class " + c + " was not computed in bfloat16");
        }
        assertTrue(approximate.description().endsWith("bfloat16 gradients"), approximate.description());
        assertFalse(exact.description().contains("bfloat16"), exact.description());
    }

    @Test
    void theBackgroundMeanMaskGivesAnotherBaseThanTheBlurAndIsNamed() {
        ExplanationRequest blur = new ExplanationRequest(ExplanationMethod.PATCH_SHAP, 20, 10, 2,
                ExplainedScore.LOGIT, 3);
        ExplanationRequest mean = blur.withMask(PatchMask.BACKGROUND_MEAN);

        ImageExplanation blurred = service.explain(new int[] {2}, blur, ExplanationListener.NONE,
                new CancellationToken()).get(0);
        ImageExplanation averaged = service.explain(new int[] {2}, mean, ExplanationListener.NONE,
                new CancellationToken()).get(0);

        assertTrue(Math.abs(blurred.baseScores()[0] - averaged.baseScores()[0]) > 1e-4);
        assertTrue(averaged.description().contains("background mean mask"), averaged.description());
        assertTrue(blurred.description().contains("blurred mask"), blurred.description());
    }

    @Test
    void smoothingIsPassedOnAndNamed() {
        ImageExplanation smoothed = service.explain(new int[] {2}, ExplanationRequest.DEFAULTS.withSamples(8)
                .withNoiseStd(0.2), ExplanationListener.NONE, new CancellationToken()).get(0);
        assertTrue(smoothed.description().contains("smoothing noise std 0.2"), smoothed.description());
    }

    @Test
    void progressRunsFromTheFirstToTheLastImage() {
        List<Double> fractions = new java.util.ArrayList<>();
        service.explain(new int[] {0, 1, 2}, ExplanationRequest.DEFAULTS.withSamples(8),
                (image, images, fraction) -> fractions.add(fraction), new CancellationToken());

        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1));
        }
    }

    @Test
    void cancellingStopsWithTheServicesOwnException() {
        CancellationToken cancel = new CancellationToken();
        assertThrows(ExplanationCancelledException.class, () -> service.explain(new int[] {0, 1},
                ExplanationRequest.DEFAULTS.withSamples(64), (image, images, fraction) -> cancel.cancel(), cancel));
    }

    @Test
    void anIndexOutsideTheTestSetIsRejectedWithItsRange() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> service.explain(
                new int[] {6}, ExplanationRequest.DEFAULTS, ExplanationListener.NONE, new CancellationToken()));
        assertTrue(error.getMessage().contains("0..5"), error.getMessage());
    }

    @Test
    void openingARunWithoutAnEvaluatedClassifierSaysHowToMakeOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path run) {
        java.io.IOException error = assertThrows(java.io.IOException.class,
                () -> ExplainService.open(run, images(1, 1), images(1, 2)));
        assertTrue(error.getMessage().contains("evaluate"), error.getMessage());
    }

    @Test
    void theSeededBackgroundChoiceHasDistinctIndicesAndRepeats() {
        int[] first = ExplainService.seededChoice(100, 64, 7);
        assertEquals(64, Arrays.stream(first).distinct().count());
        assertTrue(Arrays.equals(first, ExplainService.seededChoice(100, 64, 7)));
    }

    @Test
    void describingAPatchRequestSaysWhetherItIsExact() {
        assertTrue(ExplainService.describe(ExplanationRequest.DEFAULTS.withMethod(ExplanationMethod.PATCH_SHAP)
                .withPatchGrid(3)).contains("exact"));
        assertTrue(ExplainService.describe(ExplanationRequest.DEFAULTS.withMethod(ExplanationMethod.PATCH_SHAP))
                .contains("Kernel SHAP, 64 coalitions"));
    }

    private SequentialBlock classifier;

    private static double sum(float[] values) {
        double total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }

    private static CifarDataset images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * CifarDataset.IMAGE_BYTES];
        byte[] labels = new byte[count];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return CifarDataset.of(pixels, labels, Cifar10.CLASS_NAMES);
    }
}
