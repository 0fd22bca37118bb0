package org.simsiamexplorer.service;

/**
 * What to explain with, chosen in the SHAP tab.
 *
 * @param method         expected gradients (default) or patch SHAP
 * @param samples        gradient samples (expected gradients; default 64) or coalitions (patch SHAP Kernel budget)
 * @param backgroundSize training images used as references / for the mean mask (default 64)
 * @param patchGrid      patches per side for patch SHAP (default 8: 64 patches of 4x4 pixels, Kernel SHAP;
 *                       3 or fewer: 9 patches or fewer, exact Shapley values)
 * @param score          explained output (default {@link ExplainedScore#LOGIT})
 * @param noiseStd       expected gradients' local smoothing (shap's {@code local_smoothing}): std of the Gaussian
 *                       noise added to the image before interpolating, in normalised units (the CIFAR-normalised
 *                       pixels span about -2..2); default 0 (off)
 * @param mask           what patch SHAP puts in place of an absent patch (default {@link PatchMask#BLUR})
 * @param seed           seeds background choice and sampling
 */
public record ExplanationRequest(ExplanationMethod method, int samples, int backgroundSize, int patchGrid,
                                 ExplainedScore score, double noiseStd, PatchMask mask, long seed) {
    public static final ExplanationRequest DEFAULTS = new ExplanationRequest(ExplanationMethod.EXPECTED_GRADIENTS,
            64, 64, 8, ExplainedScore.LOGIT, 0, PatchMask.BLUR, 42L);

    public ExplanationRequest {
        if (method == null || score == null || mask == null) {
            throw new IllegalArgumentException("method, score and mask are required");
        }
        if (!(noiseStd >= 0 && noiseStd <= 10)) {
            throw new IllegalArgumentException("smoothing noise std must be between 0 and 10, got " + noiseStd);
        }
        if (samples < 2 || samples > 100_000) {
            throw new IllegalArgumentException("samples must be between 2 and 100000, got " + samples);
        }
        if (backgroundSize < 1 || backgroundSize > 10_000) {
            throw new IllegalArgumentException("background size must be between 1 and 10000, got " + backgroundSize);
        }
        if (patchGrid < 1 || patchGrid > 8) {
            throw new IllegalArgumentException("patch grid must be between 1 and 8, got " + patchGrid);
        }
    }

    /** Without smoothing and with the blurred mask (the defaults). */
    public ExplanationRequest(ExplanationMethod method, int samples, int backgroundSize, int patchGrid,
                              ExplainedScore score, long seed) {
        this(method, samples, backgroundSize, patchGrid, score, 0, PatchMask.BLUR, seed);
    }

    public ExplanationRequest withMethod(ExplanationMethod newMethod) {
        return new ExplanationRequest(newMethod, samples, backgroundSize, patchGrid, score, noiseStd, mask, seed);
    }

    public ExplanationRequest withSamples(int newSamples) {
        return new ExplanationRequest(method, newSamples, backgroundSize, patchGrid, score, noiseStd, mask, seed);
    }

    public ExplanationRequest withScore(ExplainedScore newScore) {
        return new ExplanationRequest(method, samples, backgroundSize, patchGrid, newScore, noiseStd, mask, seed);
    }

    public ExplanationRequest withPatchGrid(int newPatchGrid) {
        return new ExplanationRequest(method, samples, backgroundSize, newPatchGrid, score, noiseStd, mask, seed);
    }

    public ExplanationRequest withNoiseStd(double newNoiseStd) {
        return new ExplanationRequest(method, samples, backgroundSize, patchGrid, score, newNoiseStd, mask, seed);
    }

    public ExplanationRequest withMask(PatchMask newMask) {
        return new ExplanationRequest(method, samples, backgroundSize, patchGrid, score, noiseStd, newMask, seed);
    }
}
