package org.simsiamexplorer.app.embeddings;

import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.Verification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads CIFAR-10 once (found by {@link CifarLocator}: {@code -Dsimsiam.data}, {@code SIMSIAM_DATA}, or the
 * download cache) and serves each split's images to the map. Sizes are checked but MD5s are not: the map only
 * shows pictures, and training verifies the data anyway.
 */
final class CifarImages implements EmbeddingsViewModel.ImageLoader {
    private final Path explicitPath;
    private Cifar10 loaded;

    CifarImages(Path explicitPath) {
        this.explicitPath = explicitPath;
    }

    static CifarImages standard() {
        String property = System.getProperty("simsiam.data");
        return new CifarImages(property == null || property.isBlank() ? null : Path.of(property));
    }

    @Override
    public synchronized ImageSource load(String split) throws IOException {
        if (loaded == null) {
            Path found = CifarLocator.standard().locateOrThrow(explicitPath).path();
            loaded = Cifar10Reader.read(found, Verification.SKIP);
        }
        return switch (split) {
            case "test" -> of(loaded.test());
            case "train" -> of(loaded.train());
            default -> throw new IOException("unknown dataset split '" + split + "' (expected test or train)");
        };
    }

    static ImageSource of(CifarDataset dataset) {
        return new ImageSource() {
            @Override
            public int[] rgbPixels(int datasetIndex) {
                return datasetIndex >= 0 && datasetIndex < dataset.size() ? dataset.rgbPixels(datasetIndex)
                        : new int[32 * 32];
            }

            @Override
            public int size() {
                return dataset.size();
            }

            @Override
            public List<String> classNames() {
                return dataset.classNames();
            }
        };
    }
}
