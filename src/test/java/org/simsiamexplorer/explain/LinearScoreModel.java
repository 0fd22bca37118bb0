package org.simsiamexplorer.explain;

/** f_c(x) = w_c . x + b_c written by hand: its exact SHAP values are w_c * (x - E[x']). */
final class LinearScoreModel implements DifferentiableClassScoreModel {
    final float[][] weights;
    final float[] biases;
    int scoreCalls;

    LinearScoreModel(float[][] weights, float[] biases) {
        this.weights = weights;
        this.biases = biases;
    }

    static LinearScoreModel random(int classes, int inputSize, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[][] weights = new float[classes][inputSize];
        float[] biases = new float[classes];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < inputSize; i++) {
                weights[c][i] = (float) (random.nextDouble() * 2 - 1);
            }
            biases[c] = (float) random.nextDouble();
        }
        return new LinearScoreModel(weights, biases);
    }

    @Override
    public int classes() {
        return weights.length;
    }

    @Override
    public int inputSize() {
        return weights[0].length;
    }

    @Override
    public float[] scores(float[] inputs, int count) {
        scoreCalls++;
        int size = inputSize();
        float[] out = new float[count * classes()];
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < classes(); c++) {
                double sum = biases[c];
                for (int i = 0; i < size; i++) {
                    sum += (double) weights[c][i] * inputs[n * size + i];
                }
                out[n * classes() + c] = (float) sum;
            }
        }
        return out;
    }

    @Override
    public float[][] classGradients(float[] inputs, int count) {
        int size = inputSize();
        float[][] gradients = new float[classes()][count * size];
        for (int c = 0; c < classes(); c++) {
            for (int n = 0; n < count; n++) {
                System.arraycopy(weights[c], 0, gradients[c], n * size, size);
            }
        }
        return gradients;
    }

    /** w_c * (x - mean of the background), per class. */
    double[][] exactShap(float[] input, float[] background, int backgroundCount) {
        int size = inputSize();
        double[][] shap = new double[classes()][size];
        for (int i = 0; i < size; i++) {
            double mean = 0;
            for (int b = 0; b < backgroundCount; b++) {
                mean += background[b * size + i];
            }
            mean /= backgroundCount;
            for (int c = 0; c < classes(); c++) {
                shap[c][i] = weights[c][i] * (input[i] - mean);
            }
        }
        return shap;
    }
}
