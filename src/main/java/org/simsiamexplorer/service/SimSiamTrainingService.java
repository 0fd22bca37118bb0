package org.simsiamexplorer.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The training service: validates, creates or reopens the run directory, opens the data (so a missing or unverified
 * dataset is reported before anything is written), then trains on a background thread.
 */
public final class SimSiamTrainingService implements TrainingService {
    private final TrainingDataFactory dataFactory;
    private final KnnScorer knn;

    public SimSiamTrainingService(TrainingDataFactory dataFactory, KnnScorer knn) {
        this.dataFactory = dataFactory;
        this.knn = knn;
    }

    /** CIFAR-10 from the standard locations and the 200-NN weighted kNN monitor. */
    public static SimSiamTrainingService standard() {
        return new SimSiamTrainingService(CifarTrainingData::open, KnnScorer.weighted200Nn());
    }

    @Override
    public TrainingSession start(TrainingConfig config, Path runsRoot, TrainingListener listener) throws IOException {
        requireValid(config);
        ComputeDevice.resolve(config.device());
        if (RunDirectory.isRun(runsRoot.resolve(config.name()))) {
            throw new IOException("a run named '" + config.name() + "' already exists in " + runsRoot
                    + ": choose another name (--name), or resume that run");
        }
        TrainingData data = dataFactory.open(config);
        RunDirectory run;
        try {
            run = RunDirectory.create(runsRoot, config);
        } catch (IOException | RuntimeException e) {
            data.close();
            throw e;
        }
        TrainingRun training = new TrainingRun(config, run, listener, data, knn, false);
        training.start();
        return training;
    }

    @Override
    public TrainingSession resume(Path runDirectory, TrainingListener listener) throws IOException {
        if (!RunDirectory.isRun(runDirectory)) {
            throw new IOException(runDirectory + " is not a run directory: it has no " + RunDirectory.CONFIG);
        }
        RunDirectory run = new RunDirectory(runDirectory);
        TrainingConfig config = run.readConfig();
        requireValid(config);
        Optional<RunStatus> last = run.readStatus();
        if (last.isPresent() && last.get().state() == RunState.FINISHED) {
            throw new IOException("run " + run.name() + " already finished all " + config.epochs()
                    + " epochs: there is nothing to resume; start a new run to train longer");
        }
        ComputeDevice.resolve(config.device());
        TrainingRun training = new TrainingRun(config, run, listener, dataFactory.open(config), knn, true);
        training.start();
        return training;
    }

    private static void requireValid(TrainingConfig config) {
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid training configuration:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
