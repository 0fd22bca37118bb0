package org.simsiamexplorer.explain;

import java.util.SplittableRandom;

/** Seeded random test inputs. */
final class Inputs {
    private Inputs() {
    }

    static float[] gaussian(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            double u1 = 1 - random.nextDouble();
            values[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return values;
    }

    /**
     * Image-like CHW inputs: per channel a sum of three random low-frequency waves plus a little noise, in normalised
     * units (about unit variance), so neighbouring pixels are correlated as in photographs.
     */
    static float[] smoothImages(int count, int side, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count * 3 * side * side];
        int i = 0;
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < 3; c++) {
                double[][] waves = new double[3][4];
                for (double[] wave : waves) {
                    wave[0] = random.nextDouble() * 3;
                    wave[1] = random.nextDouble() * 3;
                    wave[2] = random.nextDouble() * 2 * Math.PI;
                    wave[3] = random.nextDouble() * 1.6 - 0.8;
                }
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double value = 0.1 * (random.nextDouble() - 0.5);
                        for (double[] wave : waves) {
                            value += wave[3] * Math.cos(2 * Math.PI * (wave[0] * x + wave[1] * y) / side + wave[2]);
                        }
                        values[i++] = (float) value;
                    }
                }
            }
        }
        return values;
    }

    /** Largest |a - b| relative to the largest |b|. */
    static double maxRelativeError(float[] actual, double[] expected) {
        double maxDiff = 0;
        double scale = 0;
        for (int i = 0; i < expected.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        return maxDiff / scale;
    }
}
