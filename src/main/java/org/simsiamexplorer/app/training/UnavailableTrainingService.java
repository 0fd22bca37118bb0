package org.simsiamexplorer.app.training;

import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingListener;
import org.simsiamexplorer.service.TrainingService;
import org.simsiamexplorer.service.TrainingSession;

import java.io.IOException;
import java.nio.file.Path;

/** Stands in while no training engine is built in: every start says so, the runs list still works. */
final class UnavailableTrainingService implements TrainingService {
    @Override
    public TrainingSession start(TrainingConfig config, Path runsRoot, TrainingListener listener) throws IOException {
        throw new IOException("this build has no training engine yet; runs written by the CLI can still be watched");
    }

    @Override
    public TrainingSession resume(Path runDirectory, TrainingListener listener) throws IOException {
        throw new IOException("this build has no training engine yet; resume the run with the CLI");
    }
}
