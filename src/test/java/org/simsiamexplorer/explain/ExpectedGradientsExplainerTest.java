package org.simsiamexplorer.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simsiamexplorer.data.CancellationToken;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpectedGradientsExplainerTest {
    private static final int SIZE = 48;

    @ParameterizedTest(name = "{0} samples over {1} references, noise {2}")
    @CsvSource({"16, 16, 0", "64, 16, 0", "60, 7, 0", "64, 16, 0.5"})
    void onALinearModelAttributionsAreTheExactShapValues(int samples, int backgroundCount, double noise) {
        LinearScoreModel model = LinearScoreModel.random(10, SIZE, 1);
        float[] input = Inputs.gaussian(SIZE, 2);
        float[] background = Inputs.gaussian(backgroundCount * SIZE, 3);
        ExpectedGradientsSettings settings = new ExpectedGradientsSettings(samples, backgroundCount, noise, 8, 5);

        Attribution attribution = new ExpectedGradientsExplainer(model, settings)
                .explain(input, background, backgroundCount, ExplainListener.NONE, new CancellationToken());

        // With samples a multiple of the background size every reference is used equally often; otherwise the
        // exact values are those of the references actually used, which the next test covers.
        if (samples % backgroundCount == 0) {
            double[][] exact = model.exactShap(input, background, backgroundCount);
            for (int c = 0; c < 10; c++) {
                assertTrue(Inputs.maxRelativeError(attribution.values()[c], exact[c]) < 1e-3,
                        "class " + c + " relative error " + Inputs.maxRelativeError(attribution.values()[c], exact[c]));
            }
        }
        for (int c = 0; c < 10; c++) {
            assertEquals(attribution.scoreChange(c), attribution.total(c), 1e-3 * Math.abs(attribution.scoreChange(c)) + 1e-4);
        }
    }

    @Test
    void attributionsAddUpToTheScoreMinusTheBaseValueOfALinearModel() {
        LinearScoreModel model = LinearScoreModel.random(3, SIZE, 7);
        float[] input = Inputs.gaussian(SIZE, 8);
        float[] background = Inputs.gaussian(5 * SIZE, 9);

        Attribution attribution = new ExpectedGradientsExplainer(model, new ExpectedGradientsSettings(13, 5, 0, 4, 1))
                .explain(input, background, 5, ExplainListener.NONE, new CancellationToken());

        for (int c = 0; c < 3; c++) {
            assertEquals(attribution.scoreChange(c), attribution.total(c), 1e-4 * Math.abs(attribution.scoreChange(c)));
        }
    }

    @Test
    void theSameSeedGivesTheSameAttributionsAndAnotherSeedOthers() {
        QuadraticScoreModel model = new QuadraticScoreModel(SIZE);
        float[] input = Inputs.gaussian(SIZE, 2);
        float[] background = Inputs.gaussian(8 * SIZE, 3);
        ExpectedGradientsSettings settings = new ExpectedGradientsSettings(12, 8, 0.1, 5, 11);

        float[] first = explain(model, settings, input, background).values()[0];
        float[] again = explain(model, settings, input, background).values()[0];
        float[] other = explain(model, settings.withSeed(12), input, background).values()[0];

        assertArrayEquals(first, again);
        assertFalse(java.util.Arrays.equals(first, other));
    }

    @Test
    void progressCountsSamplesUpToTheTotal() {
        LinearScoreModel model = LinearScoreModel.random(2, SIZE, 1);
        List<long[]> reports = new ArrayList<>();
        new ExpectedGradientsExplainer(model, new ExpectedGradientsSettings(10, 4, 0, 4, 1))
                .explain(Inputs.gaussian(SIZE, 1), Inputs.gaussian(4 * SIZE, 2), 4,
                        (done, total) -> reports.add(new long[] {done, total}), new CancellationToken());

        assertEquals(List.of(4L, 8L, 10L), reports.stream().map(r -> r[0]).toList());
        assertTrue(reports.stream().allMatch(r -> r[1] == 10));
    }

    @Test
    void aCancelledExplanationStopsWithoutAResult() {
        LinearScoreModel model = LinearScoreModel.random(2, SIZE, 1);
        CancellationToken cancel = new CancellationToken();
        ExpectedGradientsExplainer explainer =
                new ExpectedGradientsExplainer(model, new ExpectedGradientsSettings(100, 4, 0, 4, 1));

        assertThrows(ExplanationCancelledException.class, () -> explainer.explain(Inputs.gaussian(SIZE, 1),
                Inputs.gaussian(4 * SIZE, 2), 4, (done, total) -> cancel.cancel(), cancel));
    }

    @Test
    void anInputWithNaNIsRejectedWithAClearMessage() {
        LinearScoreModel model = LinearScoreModel.random(2, SIZE, 1);
        float[] input = Inputs.gaussian(SIZE, 1);
        input[5] = Float.NaN;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> explain(model, ExpectedGradientsSettings.DEFAULTS, input, Inputs.gaussian(4 * SIZE, 2)));
        assertTrue(error.getMessage().contains("NaN"));
    }

    @ParameterizedTest(name = "samples={0} background={1} noise={2} batch={3}")
    @CsvSource({"0, 1, 0, 1", "1, 0, 0, 1", "1, 1, -1, 1", "1, 1, NaN, 1", "1, 1, 0, 0"})
    void invalidSettingsAreRejected(int samples, int background, double noise, int batch) {
        assertThrows(IllegalArgumentException.class,
                () -> new ExpectedGradientsSettings(samples, background, noise, batch, 1));
    }

    private static Attribution explain(DifferentiableClassScoreModel model, ExpectedGradientsSettings settings,
                                       float[] input, float[] background) {
        return new ExpectedGradientsExplainer(model, settings).explain(input, background,
                background.length / model.inputSize(), ExplainListener.NONE, new CancellationToken());
    }

    /** f(x) = sum x_i^2: gradients depend on the sample point, so seeds matter. */
    private record QuadraticScoreModel(int inputSize) implements DifferentiableClassScoreModel {
        @Override
        public int classes() {
            return 1;
        }

        @Override
        public float[] scores(float[] inputs, int count) {
            float[] out = new float[count];
            for (int n = 0; n < count; n++) {
                for (int i = 0; i < inputSize; i++) {
                    out[n] += inputs[n * inputSize + i] * inputs[n * inputSize + i];
                }
            }
            return out;
        }

        @Override
        public float[][] classGradients(float[] inputs, int count) {
            float[] gradient = new float[count * inputSize];
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = 2 * inputs[i];
            }
            return new float[][] {gradient};
        }
    }
}
