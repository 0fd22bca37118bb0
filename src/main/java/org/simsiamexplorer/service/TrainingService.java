package org.simsiamexplorer.service;

import java.io.IOException;
import java.nio.file.Path;

/** Starts runs in the background; the app and the CLI both drive training through this. */
public interface TrainingService {
    /** Creates {@code runsRoot/config.name()} and starts training; fails fast on an invalid config. */
    TrainingSession start(TrainingConfig config, Path runsRoot, TrainingListener listener) throws IOException;

    /** Continues a stopped or killed run from its last checkpoint, at the right epoch and schedule. */
    TrainingSession resume(Path runDirectory, TrainingListener listener) throws IOException;
}
