package org.simsiamexplorer.service;

import org.simsiamexplorer.data.CancellationToken;

import java.util.List;

/** What the SHAP tab needs from the service: explain test images of the run's classifier. */
public interface ImageExplainer extends AutoCloseable {
    List<String> classNames();

    /** Short name of the explained classifier, e.g. "cpu-demo-sg-on / linear probe". */
    String classifierName();

    /**
     * Explains test images one after the other (blocking; call it off the UI thread).
     *
     * @throws org.simsiamexplorer.service.ExplanationCancelledException when {@code cancel} fires; results
     *         finished so far are dropped
     */
    List<ImageExplanation> explain(int[] testIndices, ExplanationRequest request, ExplanationListener listener,
                                   CancellationToken cancel);

    @Override
    void close();
}
