package org.simsiamexplorer.explain;

import org.simsiamexplorer.data.CancellationToken;

import java.util.SplittableRandom;

/**
 * Expected gradients (Erion et al. 2021), the algorithm behind shap's GradientExplainer: for input x, reference x'
 * drawn from a background set and alpha ~ U(0, 1),
 * <pre>  phi_c(x) = E[(x - x') * grad f_c(x' + alpha (x - x'))]</pre>
 * which for a linear model is exactly the SHAP value w_c * (x - E[x']) and in general adds up (in expectation) to
 * f_c(x) - E[f_c(x')]. All classes come from one forward pass per batch of samples ({@link
 * DifferentiableClassScoreModel#classGradients}).
 *
 * <p>Variance reduction (the estimator stays unbiased, every alpha is still marginally U(0, 1)): sample k uses
 * reference {@code order[k mod B]} of a seeded permutation, so every reference is used equally often when the sample
 * count is a multiple of B, and alpha is stratified along each reference's path: the j-th of the m samples on a
 * path gets {@code alpha = (j + u) / m}. That turns each path into a stratified integral, which matters on
 * ReLU networks: with 10 samples per path the completeness gap of a narrow ResNet-18 drops from about 10% to 1-2%.
 */
public final class ExpectedGradientsExplainer {
    private final DifferentiableClassScoreModel model;
    private final ExpectedGradientsSettings settings;

    public ExpectedGradientsExplainer(DifferentiableClassScoreModel model, ExpectedGradientsSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    /**
     * Attributions of every class for one input.
     *
     * @param input           one input ({@code model.inputSize()} floats)
     * @param background      {@code backgroundCount} reference inputs one after the other
     * @param backgroundCount how many references {@code background} holds (all are used; the service draws
     *                        {@code settings.backgroundSize()} of them)
     */
    public Attribution explain(float[] input, float[] background, int backgroundCount, ExplainListener listener,
                               CancellationToken cancel) {
        int size = model.inputSize();
        int classes = model.classes();
        checkInputs(input, background, backgroundCount, size);
        int samples = settings.samples();
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] order = permutation(backgroundCount, random);
        int[] useCount = new int[backgroundCount];

        double[][] sums = new double[classes][size];
        int batchSize = Math.min(settings.batchSize(), samples);
        float[] points = new float[batchSize * size];
        float[] deltas = new float[batchSize * size];
        for (int start = 0; start < samples; start += batchSize) {
            if (cancel.isCancelled()) {
                throw new ExplanationCancelledException();
            }
            int count = Math.min(batchSize, samples - start);
            for (int j = 0; j < count; j++) {
                int sample = start + j;
                int slot = sample % backgroundCount;
                int reference = order[slot];
                useCount[reference]++;
                int samplesOnPath = (samples - slot + backgroundCount - 1) / backgroundCount;
                double alpha = (sample / backgroundCount + random.nextDouble()) / samplesOnPath;
                fillSample(input, background, reference * size, alpha, random, points, deltas, j * size, size);
            }
            float[][] gradients = model.classGradients(count == batchSize ? points : java.util.Arrays.copyOf(points,
                    count * size), count);
            for (int c = 0; c < classes; c++) {
                float[] gradient = gradients[c];
                double[] sum = sums[c];
                for (int j = 0; j < count; j++) {
                    int offset = j * size;
                    for (int i = 0; i < size; i++) {
                        sum[i] += (double) deltas[offset + i] * gradient[offset + i];
                    }
                }
            }
            listener.progress(start + count, samples);
        }
        float[][] values = new float[classes][size];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < size; i++) {
                values[c][i] = (float) (sums[c][i] / samples);
            }
        }
        return new Attribution(values, model.scores(input, 1), weightedMeanScores(background, backgroundCount,
                useCount, samples));
    }

    /** x' + alpha (x + noise - x') as the point, x - x' as the delta (shap smooths the point, not the delta). */
    private void fillSample(float[] input, float[] background, int referenceOffset, double alpha,
                            SplittableRandom random, float[] points, float[] deltas, int offset, int size) {
        double noiseStd = settings.noiseStd();
        for (int i = 0; i < size; i++) {
            float reference = background[referenceOffset + i];
            double x = input[i];
            if (noiseStd > 0) {
                x += noiseStd * gaussian(random);
            }
            points[offset + i] = (float) (reference + alpha * (x - reference));
            deltas[offset + i] = input[i] - reference;
        }
    }

    /** The base value: mean score of the references, each weighted by how often a sample used it. */
    private float[] weightedMeanScores(float[] background, int backgroundCount, int[] useCount, int samples) {
        int classes = model.classes();
        double[] mean = new double[classes];
        int size = model.inputSize();
        int batch = Math.max(1, settings.batchSize());
        for (int start = 0; start < backgroundCount; start += batch) {
            int count = Math.min(batch, backgroundCount - start);
            float[] chunk = java.util.Arrays.copyOfRange(background, start * size, (start + count) * size);
            float[] scores = model.scores(chunk, count);
            for (int j = 0; j < count; j++) {
                for (int c = 0; c < classes; c++) {
                    mean[c] += (double) useCount[start + j] * scores[j * classes + c] / samples;
                }
            }
        }
        float[] result = new float[classes];
        for (int c = 0; c < classes; c++) {
            result[c] = (float) mean[c];
        }
        return result;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static void checkInputs(float[] input, float[] background, int backgroundCount, int size) {
        if (input.length != size) {
            throw new IllegalArgumentException("input has " + input.length + " values, the model expects " + size);
        }
        if (backgroundCount < 1 || background.length < (long) backgroundCount * size) {
            throw new IllegalArgumentException("need at least one background input of " + size + " values, got "
                    + backgroundCount + " in " + background.length + " values");
        }
        for (float value : input) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("input contains NaN or infinity");
            }
        }
    }
}
