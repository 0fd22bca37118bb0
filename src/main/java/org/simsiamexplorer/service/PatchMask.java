package org.simsiamexplorer.service;

/** What patch SHAP puts where a patch is "absent" (chosen in the SHAP tab). */
public enum PatchMask {
    /** A strongly blurred copy of the image itself (default): colours and rough shapes stay. */
    BLUR("blurred"),
    /** The per-pixel mean of the reference training images: an "average" image shows through. */
    BACKGROUND_MEAN("background mean");

    private final String label;

    PatchMask(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
