package org.simsiamexplorer.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Configs and a recording listener for fast training-service tests: a 1/16-width ResNet-18, batch 8, CPU. */
final class TinyRuns {
    private TinyRuns() {
    }

    static TrainingConfig config(String name, int epochs) {
        return TrainingConfig.cpuDemo().withName(name).withEpochs(epochs).withBatchSize(8).withLatentDim(32)
                .withDevice("cpu").withWidthMultiplier(0.0625).withTrainSubset(0).withKnn(1, 0);
    }

    /** Remembers every event. */
    static final class Recorder implements TrainingListener {
        final List<StepMetrics> steps = new CopyOnWriteArrayList<>();
        final List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        final List<RunStatus> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void onStep(StepMetrics step) {
            steps.add(step);
        }

        @Override
        public void onEpoch(EpochMetrics epoch) {
            epochs.add(epoch);
        }

        @Override
        public void onStatus(RunStatus status) {
            statuses.add(status);
        }

        List<RunState> states() {
            return statuses.stream().map(RunStatus::state).distinct().toList();
        }
    }
}
