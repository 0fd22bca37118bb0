package org.simsiamexplorer.service.experiment;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.evaluation.EvaluationConfig;
import org.simsiamexplorer.service.evaluation.EvaluationMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An experiment grid as read from {@code specs/*.json}: latent sizes x stop-gradient settings (plus extra cells),
 * each pre-trained once with the training service and then evaluated with every listed mode. Omitted fields take
 * the preset's value ({@code TrainingConfig.preset}) or the evaluation defaults ({@code EvaluationConfig}).
 *
 * <pre>{@code
 * {"name": "cpu-small", "preset": "cpu-demo", "device": "auto", "seed": 42,
 *  "grid": {"latentDims": [512, 128, 32, 2], "stopGradient": [true]},
 *  "extraCells": [{"latentDim": 512, "stopGradient": false}],
 *  "modes": ["linear", "finetune"],
 *  "pretrain": {"epochs": 3, "batchSize": 128, "baseLr": 0.06, "widthMultiplier": 0.125, "trainSubset": 5000},
 *  "linear":   {"epochs": 30, "batchSize": 256, "lr": 0.1, "trainSubset": 5000, "testSubset": 2000},
 *  "finetune": {"epochs": 2, "batchSize": 64, "lr": 0.05, "trainSubset": 5000, "testSubset": 2000}}
 * }</pre>
 */
public record ExperimentSpec(String name, String description, String preset, String device, Long seed,
                             String dataDir, Grid grid, List<Cell> extraCells, List<String> modes, Pretrain pretrain,
                             Stage linear, Stage finetune) {

    /** Latent sizes crossed with stop-gradient settings. */
    public record Grid(List<Integer> latentDims, List<Boolean> stopGradient) {
    }

    /** One pre-training; {@code epochs} overrides the spec's pre-training epochs for this cell only. */
    public record Cell(int latentDim, boolean stopGradient, Integer epochs) {
        public String runName() {
            return "d" + latentDim + "-sg-" + (stopGradient ? "on" : "off");
        }
    }

    /** Pre-training knobs; null = the preset's value. */
    public record Pretrain(Integer epochs, Integer batchSize, Double baseLr, Double momentum, Double weightDecay,
                           Double widthMultiplier, Integer trainSubset, Integer knnEvery, Integer knnTrainSubset) {
    }

    /** Evaluation knobs; null = the mode's default. */
    public record Stage(Integer epochs, Integer batchSize, Double lr, Double momentum, Double weightDecay,
                        Integer trainSubset, Integer testSubset) {
    }

    public static ExperimentSpec read(Path file) throws IOException {
        ExperimentSpec spec;
        try {
            spec = new Gson().fromJson(Files.readString(file), ExperimentSpec.class);
        } catch (NoSuchFileException e) {
            throw new IOException("experiment spec " + file + " does not exist", e);
        } catch (JsonParseException e) {
            throw new IOException("experiment spec " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (spec == null) {
            throw new IOException("experiment spec " + file + " is empty");
        }
        List<String> problems = spec.validate();
        if (!problems.isEmpty()) {
            throw new IOException("experiment spec " + file + " has problems:\n  - " + String.join("\n  - ", problems));
        }
        return spec;
    }

    /** Grid cells first (latent size outer, stop-gradient inner), then extra cells; duplicates removed. */
    public List<Cell> cells() {
        Set<Cell> cells = new LinkedHashSet<>();
        if (grid != null && grid.latentDims() != null) {
            List<Boolean> settings = grid.stopGradient() == null ? List.of(true) : grid.stopGradient();
            for (int d : grid.latentDims()) {
                for (boolean sg : settings) {
                    cells.add(new Cell(d, sg, null));
                }
            }
        }
        if (extraCells != null) {
            cells.addAll(extraCells);
        }
        return new ArrayList<>(cells);
    }

    public List<EvaluationMode> evaluationModes() {
        List<String> names = modes == null ? List.of("linear", "finetune") : modes;
        return names.stream().map(EvaluationMode::parse).toList();
    }

    /** The training config of one cell, named after it. */
    public TrainingConfig trainingConfig(Cell cell) {
        TrainingConfig base = TrainingConfig.preset(preset == null ? "cpu-demo" : preset);
        Pretrain p = pretrain == null ? new Pretrain(null, null, null, null, null, null, null, null, null) : pretrain;
        int epochs = cell.epochs() != null ? cell.epochs() : or(p.epochs(), base.epochs());
        return new TrainingConfig(cell.runName(), base.preset(), cell.latentDim(), cell.stopGradient(), epochs,
                or(p.batchSize(), base.batchSize()), or(p.baseLr(), base.baseLr()), or(p.momentum(), base.momentum()),
                or(p.weightDecay(), base.weightDecay()), base.fixedPredictorLr(),
                or(p.widthMultiplier(), base.widthMultiplier()), or(p.trainSubset(), base.trainSubset()),
                or(p.knnEvery(), base.knnEvery()), or(p.knnTrainSubset(), base.knnTrainSubset()),
                device == null ? base.device() : device, seed == null ? base.seed() : seed, dataDir,
                base.verifyData());
    }

    public EvaluationConfig evaluationConfig(EvaluationMode mode) {
        EvaluationConfig base = EvaluationConfig.defaults(mode);
        Stage s = mode == EvaluationMode.LINEAR ? linear : finetune;
        if (s == null) {
            s = new Stage(null, null, null, null, null, null, null);
        }
        return new EvaluationConfig(mode, or(s.epochs(), base.epochs()), or(s.batchSize(), base.batchSize()),
                or(s.lr(), base.learningRate()), or(s.momentum(), base.momentum()),
                or(s.weightDecay(), base.weightDecay()), or(s.trainSubset(), base.trainSubset()),
                or(s.testSubset(), base.testSubset()), seed == null ? base.seed() : seed,
                device == null ? base.device() : device);
    }

    /** Every problem, worded for the user. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (cells().isEmpty()) {
            problems.add("no cells: give grid.latentDims and/or extraCells");
        }
        try {
            for (EvaluationMode mode : evaluationModes()) {
                evaluationConfig(mode).validate().forEach(p -> problems.add(mode.folderName() + ": " + p));
            }
            for (Cell cell : cells()) {
                trainingConfig(cell).validate().forEach(p -> problems.add(cell.runName() + ": " + p));
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
