package org.simsiamexplorer.app.shap;

import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.service.ImageExplainer;

import java.io.IOException;
import java.nio.file.Path;

/** Where the SHAP tab gets its test images and classifier; loading runs on the background executor. */
public interface ShapSources {
    /** The CIFAR-10 test split (for the picker and the explained images). */
    CifarDataset testImages() throws IOException;

    /** The run's classifier (linear probe, or fine-tuned if present) ready to explain. */
    ImageExplainer openClassifier(Path runRoot) throws IOException;
}
