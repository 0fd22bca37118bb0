package org.simsiamexplorer.explain;

/** What a patch is replaced with when it is "absent" from a coalition. */
public enum MaskKind {
    /** A strongly blurred copy of the image itself (shap's {@code Image("blur(...)")} masker): colours stay. */
    BLUR,
    /** The per-pixel mean of the background images: the patch looks like an "average" training image. */
    BACKGROUND_MEAN
}
