package org.simsiamexplorer.explain;

/**
 * Settings of {@link SuperpixelShapExplainer}.
 *
 * @param gridSize        patches per image side: 8 (default) gives 64 features of 4x4 pixels on a 32x32 image; 3 gives
 *                        9 patches of about 11x11, solved exactly
 * @param mask            how an absent patch is filled (default {@link MaskKind#BLUR})
 * @param blurRadius      box-blur radius in pixels for {@link MaskKind#BLUR}, applied twice (about a Gaussian of
 *                        sigma 0.8 r); default 8, a quarter of the image, like shap's blur(128,128) on 224 px
 * @param coalitions      Kernel SHAP budget: coalitions evaluated besides the empty and full one; default 1024
 * @param exactUpTo       feature counts up to this are solved exactly by enumerating all 2^d coalitions instead
 *                        (default 12: 4096 evaluations)
 * @param batchSize       masked images per model call (default 64)
 * @param seed            seeds the coalition sampling
 */
public record SuperpixelShapSettings(int gridSize, MaskKind mask, int blurRadius, int coalitions, int exactUpTo,
                                     int batchSize, long seed) {
    public static final SuperpixelShapSettings DEFAULTS =
            new SuperpixelShapSettings(8, MaskKind.BLUR, 8, 1024, 12, 64, 42L);

    public SuperpixelShapSettings {
        if (gridSize < 1) {
            throw new IllegalArgumentException("grid size must be at least 1, got " + gridSize);
        }
        if (gridSize * gridSize > KernelShap.MAX_FEATURES) {
            throw new IllegalArgumentException("grid size " + gridSize + " gives " + gridSize * gridSize
                    + " patches; at most " + KernelShap.MAX_FEATURES + " are supported");
        }
        if (mask == null) {
            throw new IllegalArgumentException("mask kind is required");
        }
        if (blurRadius < 0) {
            throw new IllegalArgumentException("blur radius must be >= 0, got " + blurRadius);
        }
        if (coalitions < 2) {
            throw new IllegalArgumentException("coalition budget must be at least 2, got " + coalitions);
        }
        if (exactUpTo < 0 || exactUpTo > ExactShapley.MAX_FEATURES) {
            throw new IllegalArgumentException("exactUpTo must be in 0.." + ExactShapley.MAX_FEATURES + ", got "
                    + exactUpTo);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    public int features() {
        return gridSize * gridSize;
    }

    public SuperpixelShapSettings withGridSize(int newGridSize) {
        return new SuperpixelShapSettings(newGridSize, mask, blurRadius, coalitions, exactUpTo, batchSize, seed);
    }

    public SuperpixelShapSettings withMask(MaskKind newMask) {
        return new SuperpixelShapSettings(gridSize, newMask, blurRadius, coalitions, exactUpTo, batchSize, seed);
    }

    public SuperpixelShapSettings withCoalitions(int newCoalitions) {
        return new SuperpixelShapSettings(gridSize, mask, blurRadius, newCoalitions, exactUpTo, batchSize, seed);
    }

    public SuperpixelShapSettings withExactUpTo(int newExactUpTo) {
        return new SuperpixelShapSettings(gridSize, mask, blurRadius, coalitions, newExactUpTo, batchSize, seed);
    }
}
