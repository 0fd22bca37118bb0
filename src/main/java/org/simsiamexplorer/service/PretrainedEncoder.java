package org.simsiamexplorer.service;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import org.simsiamexplorer.model.SimSiamNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's SimSiam network restored from its newest checkpoint that verifies (the training service's checkpoint
 * format, {@link CheckpointStore}), for evaluation and attribution. Close it to free the native memory.
 */
public final class PretrainedEncoder implements AutoCloseable {
    private final SimSiamTrainer trainer;
    private final TrainingConfig config;
    private final String checkpoint;
    private final int epochsTrained;

    private PretrainedEncoder(SimSiamTrainer trainer, TrainingConfig config, String checkpoint, int epochsTrained) {
        this.trainer = trainer;
        this.config = config;
        this.checkpoint = checkpoint;
        this.epochsTrained = epochsTrained;
    }

    /**
     * Loads the newest usable checkpoint of the run in {@code runRoot} onto {@code deviceSetting} (auto, cpu, gpu;
     * null = the run's own setting). Corrupt checkpoints are skipped in favour of older ones; none at all is an
     * error that says so.
     */
    public static PretrainedEncoder load(Path runRoot, String deviceSetting) throws IOException {
        RunDirectory run = new RunDirectory(runRoot);
        TrainingConfig config = run.readConfig();
        Device device = ComputeDevice.resolve(deviceSetting == null ? config.device() : deviceSetting);
        CheckpointStore store = new CheckpointStore(run.checkpoints());
        List<Path> files = store.list();
        if (files.isEmpty()) {
            throw new IOException("run " + run.name() + " has no checkpoint in " + run.checkpoints()
                    + ": train (or resume) it for at least one epoch before evaluating it");
        }
        SimSiamTrainer trainer = new SimSiamTrainer(config, device);
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                TrainingPosition position = CheckpointStore.restore(file, trainer, config);
                return new PretrainedEncoder(trainer, config, file.getFileName().toString(), position.epoch());
            } catch (IOException e) {
                refused.add(e.getMessage());
            }
        }
        trainer.close();
        throw new IOException("no checkpoint of run " + run.name() + " could be loaded:\n  - "
                + String.join("\n  - ", refused));
    }

    public SimSiamNetwork network() {
        return trainer.network();
    }

    /** The encoder backbone: (N, 3, 32, 32) normalised images -> (N, featureSize) features. */
    public Block backbone() {
        return trainer.network().backbone();
    }

    public int featureSize() {
        return trainer.network().architecture().featureSize();
    }

    /** The manager (and device) holding the network; evaluation arrays go into its sub-managers. */
    public NDManager manager() {
        return trainer.manager();
    }

    public TrainingConfig config() {
        return config;
    }

    /** File name of the checkpoint loaded. */
    public String checkpoint() {
        return checkpoint;
    }

    /** Completed pre-training epochs at that checkpoint (a checkpoint written mid-epoch counts the epochs before). */
    public int epochsTrained() {
        return epochsTrained;
    }

    @Override
    public void close() {
        trainer.close();
    }
}
