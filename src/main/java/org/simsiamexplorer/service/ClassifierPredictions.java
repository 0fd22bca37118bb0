package org.simsiamexplorer.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A classifier's predicted class for each row of a feature set, as evaluation writes it:
 * {@code eval/<featureStem>.predictions}, one uint8 class per feature row (same row order). Optional: a run
 * without a trained classifier simply has none.
 */
public final class ClassifierPredictions {
    public static final String EVAL = "eval";
    public static final String SUFFIX = ".predictions";

    private ClassifierPredictions() {
    }

    public static Path file(RunDirectory run, String featureStem) {
        return run.root().resolve(EVAL).resolve(featureStem + SUFFIX);
    }

    /** The predictions, or empty when there are none (or they do not match the feature set's row count). */
    public static Optional<byte[]> read(RunDirectory run, FeatureSet features) throws IOException {
        Path file = file(run, features.stem());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] predictions = Files.readAllBytes(file);
        if (predictions.length != features.rows()) {
            throw new IOException(file + " has " + predictions.length + " predictions but the features have "
                    + features.rows() + " rows; re-run the evaluation");
        }
        return Optional.of(predictions);
    }

    public static void write(RunDirectory run, FeatureSet features, byte[] predictions) throws IOException {
        Files.createDirectories(file(run, features.stem()).getParent());
        RunDirectory.writeAtomically(file(run, features.stem()), predictions);
    }
}
