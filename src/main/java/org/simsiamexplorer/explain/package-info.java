/**
 * SHAP-style explanations of the run's classifier: expected gradients ({@link
 * org.simsiamexplorer.explain.ExpectedGradientsExplainer}, the algorithm of shap's GradientExplainer) and exact or
 * Kernel SHAP over image patches ({@link org.simsiamexplorer.explain.SuperpixelShapExplainer}, model-agnostic).
 * Like {@code model}, this package may use DJL (only {@link org.simsiamexplorer.explain.DjlClassScoreModel} does);
 * the rest is plain Java over {@link org.simsiamexplorer.explain.ClassScoreModel}. The app reaches it through
 * {@code service.ExplainService} only.
 */
package org.simsiamexplorer.explain;
