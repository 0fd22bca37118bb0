package org.simsiamexplorer.app.shap;

import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.Verification;
import org.simsiamexplorer.service.ExplainService;
import org.simsiamexplorer.service.ImageExplainer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The app's sources: CIFAR-10 where the Start tab found it (read once; the training split supplies the reference
 * images), and a run's evaluated classifier through {@link ExplainService#open}.
 */
public final class CifarShapSources implements ShapSources {
    private Cifar10 cifar;

    private synchronized Cifar10 cifar() throws IOException {
        if (cifar == null) {
            Path found = CifarLocator.standard().locateOrThrow(null).path();
            cifar = Cifar10Reader.read(found, Verification.SKIP);
        }
        return cifar;
    }

    @Override
    public CifarDataset testImages() throws IOException {
        return cifar().test();
    }

    @Override
    public ImageExplainer openClassifier(Path runRoot) throws IOException {
        return ExplainService.open(runRoot, cifar().test(), cifar().train());
    }
}
