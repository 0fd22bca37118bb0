package org.simsiamexplorer.explain;

/**
 * Settings of {@link ExpectedGradientsExplainer}.
 *
 * @param samples        gradient samples per explained image (shap's {@code nsamples}); more = less Monte-Carlo noise.
 *                       Default 64: one pass over the default background, about 1 s per image for the cpu-demo width
 *                       on 2 cores; 200+ brings the completeness gap down to a few percent
 * @param backgroundSize reference images drawn (seeded) from the training set; their mean score is the base value.
 *                       Default 64. Samples cycle through them, so with {@code samples} a multiple of it every
 *                       reference is used equally often
 * @param noiseStd       local smoothing (shap's {@code local_smoothing}): std of Gaussian noise added to the explained
 *                       input before interpolating, in normalised units; default 0 (off)
 * @param batchSize      samples per forward/backward pass; bounds memory (default 32)
 * @param seed           seeds background choice, interpolation points and noise; same seed, same attributions
 */
public record ExpectedGradientsSettings(int samples, int backgroundSize, double noiseStd, int batchSize, long seed) {
    public static final ExpectedGradientsSettings DEFAULTS = new ExpectedGradientsSettings(64, 64, 0, 32, 42L);

    public ExpectedGradientsSettings {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        if (backgroundSize < 1) {
            throw new IllegalArgumentException("background size must be at least 1, got " + backgroundSize);
        }
        if (!(noiseStd >= 0) || !Double.isFinite(noiseStd)) {
            throw new IllegalArgumentException("noise std must be a finite number >= 0, got " + noiseStd);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    public ExpectedGradientsSettings withSamples(int newSamples) {
        return new ExpectedGradientsSettings(newSamples, backgroundSize, noiseStd, batchSize, seed);
    }

    public ExpectedGradientsSettings withBackgroundSize(int newBackgroundSize) {
        return new ExpectedGradientsSettings(samples, newBackgroundSize, noiseStd, batchSize, seed);
    }

    public ExpectedGradientsSettings withNoiseStd(double newNoiseStd) {
        return new ExpectedGradientsSettings(samples, backgroundSize, newNoiseStd, batchSize, seed);
    }

    public ExpectedGradientsSettings withSeed(long newSeed) {
        return new ExpectedGradientsSettings(samples, backgroundSize, noiseStd, batchSize, newSeed);
    }
}
