package org.simsiamexplorer.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simsiamexplorer.data.CancellationToken;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuperpixelShapExplainerTest {
    private static final int SIDE = 8;
    private static final int SIZE = 3 * SIDE * SIDE;

    /**
     * For a linear model the Shapley value of a patch is its own contribution w . (x - replacement) over the patch,
     * whatever the solver: exact (4 or 16 features) or Kernel SHAP (16 features forced to sample, 64 features).
     */
    @ParameterizedTest(name = "grid {0}, exact up to {1}, budget {2}, mask {3}")
    @CsvSource({"2, 12, 1024, BLUR", "3, 12, 1024, BLUR", "4, 16, 1024, BACKGROUND_MEAN", "4, 0, 200, BLUR", "8, 12, 300, BLUR"})
    void onALinearModelEachPatchGetsItsOwnContribution(int grid, int exactUpTo, int budget, MaskKind mask) {
        LinearScoreModel model = LinearScoreModel.random(3, SIZE, 2);
        float[] image = Inputs.gaussian(SIZE, 3);
        float[] mean = Inputs.gaussian(SIZE, 4);
        SuperpixelShapSettings settings = new SuperpixelShapSettings(grid, mask, 2, budget, exactUpTo, 50, 1);
        SuperpixelShapExplainer explainer = new SuperpixelShapExplainer(model, settings, 3, SIDE);

        Attribution attribution = explainer.explain(image, mean, ExplainListener.NONE, new CancellationToken());

        PatchMasker masker = new PatchMasker(3, SIDE, grid);
        float[] replacement = mask == MaskKind.BLUR ? masker.blurred(image, 2) : mean;
        for (int c = 0; c < 3; c++) {
            double[] expected = new double[masker.features()];
            double[] actual = new double[masker.features()];
            for (int i = 0; i < SIZE; i++) {
                int feature = masker.featureOf(i % (SIDE * SIDE) / SIDE, i % SIDE);
                expected[feature] += model.weights[c][i] * (image[i] - replacement[i]);
                actual[feature] += attribution.values()[c][i];
            }
            assertArrayEquals(expected, actual, 1e-4, "class " + c);
        }
    }

    @ParameterizedTest(name = "grid {0}, exact up to {1}")
    @CsvSource({"3, 12", "4, 0"})
    void attributionsAddUpToTheScoreOfTheImageMinusTheFullyMaskedImage(int grid, int exactUpTo) {
        ClassScoreModel model = new SquaredSumModel(3 * 12 * 12);
        float[] image = Inputs.gaussian(model.inputSize(), 5);
        SuperpixelShapSettings settings = new SuperpixelShapSettings(grid, MaskKind.BLUR, 3, 100, exactUpTo, 64, 2);

        Attribution attribution = new SuperpixelShapExplainer(model, settings, 3, 12)
                .explain(image, null, ExplainListener.NONE, new CancellationToken());

        PatchMasker masker = new PatchMasker(3, 12, grid);
        double fullyMasked = model.scores(masker.blurred(image, 3), 1)[0];
        assertEquals(model.scores(image, 1)[0] - fullyMasked, attribution.total(0), 1e-3);
        assertEquals(fullyMasked, attribution.baseScores()[0], 1e-4);
    }

    @Test
    void exactModeEvaluatesEveryCoalitionOnceAndKernelModeItsBudget() {
        LinearScoreModel model = LinearScoreModel.random(1, SIZE, 2);
        SuperpixelShapExplainer exact = new SuperpixelShapExplainer(model,
                new SuperpixelShapSettings(2, MaskKind.BLUR, 2, 1024, 12, 1, 1), 3, SIDE);
        SuperpixelShapExplainer kernel = new SuperpixelShapExplainer(model,
                new SuperpixelShapSettings(8, MaskKind.BLUR, 2, 100, 12, 1, 1), 3, SIDE);

        exact.explain(Inputs.gaussian(SIZE, 1), null, ExplainListener.NONE, new CancellationToken());
        int exactCalls = model.scoreCalls;
        kernel.explain(Inputs.gaussian(SIZE, 1), null, ExplainListener.NONE, new CancellationToken());

        assertTrue(exact.isExact());
        assertFalse(kernel.isExact());
        assertEquals(16, exactCalls);
        assertEquals(102, model.scoreCalls - exactCalls);
        assertEquals(102, kernel.evaluations());
    }

    @Test
    void aCancelledExplanationStopsWithoutAResult() {
        LinearScoreModel model = LinearScoreModel.random(1, SIZE, 2);
        CancellationToken cancel = new CancellationToken();
        SuperpixelShapExplainer explainer = new SuperpixelShapExplainer(model,
                new SuperpixelShapSettings(4, MaskKind.BLUR, 2, 500, 0, 10, 1), 3, SIDE);

        assertThrows(ExplanationCancelledException.class, () -> explainer.explain(Inputs.gaussian(SIZE, 1), null,
                (done, total) -> cancel.cancel(), cancel));
    }

    @Test
    void maskingByTheBackgroundMeanWithoutAMeanImageIsRejected() {
        SuperpixelShapExplainer explainer = new SuperpixelShapExplainer(LinearScoreModel.random(1, SIZE, 2),
                SuperpixelShapSettings.DEFAULTS.withGridSize(2).withMask(MaskKind.BACKGROUND_MEAN), 3, SIDE);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> explainer.explain(Inputs.gaussian(SIZE, 1), null, ExplainListener.NONE, new CancellationToken()));
        assertTrue(error.getMessage().contains("mean"));
    }

    @Test
    void aGridFinerThanThePixelsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SuperpixelShapExplainer(
                LinearScoreModel.random(1, SIZE, 2), SuperpixelShapSettings.DEFAULTS.withGridSize(3), 3, 2));
    }

    /** f(x) = (sum x)^2: patches interact. */
    private record SquaredSumModel(int inputSize) implements ClassScoreModel {
        @Override
        public int classes() {
            return 1;
        }

        @Override
        public float[] scores(float[] inputs, int count) {
            float[] out = new float[count];
            for (int n = 0; n < count; n++) {
                double sum = 0;
                for (int i = 0; i < inputSize; i++) {
                    sum += inputs[n * inputSize + i];
                }
                out[n] = (float) (sum * sum / inputSize);
            }
            return out;
        }
    }
}
