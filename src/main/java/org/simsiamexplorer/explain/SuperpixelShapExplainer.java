package org.simsiamexplorer.explain;

import org.simsiamexplorer.data.CancellationToken;

import java.util.SplittableRandom;

/**
 * Model-agnostic SHAP over image patches: the features are the patches of a {@link PatchMasker} grid, a coalition's
 * image keeps its patches and fills the others from a replacement (blurred copy or background mean), and the black-box
 * {@link ClassScoreModel} is only ever called on such images. Up to {@code exactUpTo} features the Shapley values are
 * exact (all 2^d coalitions, {@link ExactShapley}); above, Kernel SHAP estimates them ({@link KernelShap}). Either
 * way they add up exactly to f(image) - f(fully masked image), the base score.
 *
 * <p>Pixel-level result: each patch's value is spread evenly over its pixels and channels.
 */
public final class SuperpixelShapExplainer {
    private final ClassScoreModel model;
    private final SuperpixelShapSettings settings;
    private final PatchMasker masker;

    /** @param channels and {@code side}: the CHW image layout, e.g. 3 and 32 */
    public SuperpixelShapExplainer(ClassScoreModel model, SuperpixelShapSettings settings, int channels, int side) {
        this.model = model;
        this.settings = settings;
        this.masker = new PatchMasker(channels, side, settings.gridSize());
        if (masker.inputSize() != model.inputSize()) {
            throw new IllegalArgumentException("image layout " + channels + "x" + side + "x" + side
                    + " does not match the model's input size " + model.inputSize());
        }
    }

    /** Whether these settings enumerate all coalitions (exact) rather than sample them. */
    public boolean isExact() {
        return masker.features() <= settings.exactUpTo();
    }

    /** Model evaluations one explanation costs (coalitions including the empty and the full one). */
    public long evaluations() {
        int features = masker.features();
        return isExact() ? 1L << features : Math.min(settings.coalitions(), (1L << Math.min(features, 62)) - 2) + 2;
    }

    /**
     * @param backgroundMean per-element mean of the background images (used for {@link MaskKind#BACKGROUND_MEAN};
     *                       may be null with {@link MaskKind#BLUR})
     */
    public Attribution explain(float[] image, float[] backgroundMean, ExplainListener listener,
                               CancellationToken cancel) {
        float[] replacement = replacement(image, backgroundMean);
        int features = masker.features();
        long[] masks;
        KernelShap.Design design = null;
        long full = KernelShap.complement(0L, features);
        if (isExact()) {
            masks = new long[1 << features];
            for (int mask = 0; mask < masks.length; mask++) {
                masks[mask] = mask;
            }
        } else {
            design = KernelShap.design(features, settings.coalitions(), new SplittableRandom(settings.seed()));
            masks = new long[design.size() + 2];
            System.arraycopy(design.masks(), 0, masks, 0, design.size());
            masks[design.size()] = 0L;
            masks[design.size() + 1] = full;
        }
        double[][] values = evaluate(image, replacement, masks, listener, cancel);
        double[][] phi;
        double[] empty;
        double[] fullValue;
        if (design == null) {
            phi = ExactShapley.values(features, values);
            empty = values[0];
            fullValue = values[masks.length - 1];
        } else {
            empty = values[design.size()];
            fullValue = values[design.size() + 1];
            double[][] sampled = java.util.Arrays.copyOf(values, design.size());
            phi = KernelShap.solve(features, design, sampled, empty, fullValue);
        }
        float[][] maps = new float[phi.length][];
        for (int c = 0; c < phi.length; c++) {
            maps[c] = masker.spread(phi[c]);
        }
        return new Attribution(maps, toFloats(fullValue), toFloats(empty));
    }

    private float[] replacement(float[] image, float[] backgroundMean) {
        if (image.length != masker.inputSize()) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected "
                    + masker.inputSize());
        }
        if (settings.mask() == MaskKind.BLUR) {
            return masker.blurred(image, settings.blurRadius());
        }
        if (backgroundMean == null || backgroundMean.length != image.length) {
            throw new IllegalArgumentException("masking by the background mean needs a mean image of "
                    + image.length + " values");
        }
        return backgroundMean;
    }

    private double[][] evaluate(float[] image, float[] replacement, long[] masks, ExplainListener listener,
                                CancellationToken cancel) {
        int size = masker.inputSize();
        int classes = model.classes();
        double[][] values = new double[masks.length][classes];
        int batch = settings.batchSize();
        float[] images = new float[batch * size];
        for (int start = 0; start < masks.length; start += batch) {
            if (cancel.isCancelled()) {
                throw new ExplanationCancelledException();
            }
            int count = Math.min(batch, masks.length - start);
            for (int j = 0; j < count; j++) {
                masker.compose(image, replacement, masks[start + j], images, j * size);
            }
            float[] scores = model.scores(count == batch ? images : java.util.Arrays.copyOf(images, count * size),
                    count);
            for (int j = 0; j < count; j++) {
                for (int c = 0; c < classes; c++) {
                    values[start + j][c] = scores[j * classes + c];
                }
            }
            listener.progress(start + count, masks.length);
        }
        return values;
    }

    private static float[] toFloats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
