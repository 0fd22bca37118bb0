package org.simsiamexplorer.service;

/** How the SHAP tab attributes a prediction to pixels. */
public enum ExplanationMethod {
    /** Expected gradients (shap's GradientExplainer): per pixel, needs gradients; "samples" = gradient samples. */
    EXPECTED_GRADIENTS("Expected gradients"),
    /** Shapley values of image patches, exact (<= 12 patches) or Kernel SHAP; "samples" = coalitions evaluated. */
    PATCH_SHAP("Patch SHAP");

    private final String label;

    ExplanationMethod(String label) {
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
