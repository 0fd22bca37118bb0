package org.simsiamexplorer.app.training;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.simsiamexplorer.service.TrainingConfig;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The "New run" form. Inputs are writable properties the view binds to; every change re-validates, using the parse
 * errors of the text fields plus {@link TrainingConfig#validate()}, and puts each message next to the field it is
 * about. Start is only possible while {@link #validProperty()} is true. Hidden knobs (momentum, width, subsets, kNN
 * interval) come from the chosen preset.
 */
public final class NewRunViewModel {
    public static final List<Integer> LATENT_SIZES = List.of(2048, 512, 128, 32, 2);
    public static final List<String> DEVICES = List.of("auto", "cpu", "gpu");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ObjectProperty<String> preset = new SimpleObjectProperty<>("cpu-demo");
    private final ObjectProperty<Integer> latentDim = new SimpleObjectProperty<>(2048);
    private final BooleanProperty stopGradient = new SimpleBooleanProperty(true);
    private final StringProperty epochs = new SimpleStringProperty();
    private final StringProperty batchSize = new SimpleStringProperty();
    private final StringProperty baseLr = new SimpleStringProperty();
    private final ObjectProperty<String> device = new SimpleObjectProperty<>("auto");
    private final StringProperty name = new SimpleStringProperty();

    private final ReadOnlyStringWrapper epochsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper batchSizeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper baseLrError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper latentDimError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deviceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper otherErrors = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);

    private final Predicate<String> nameTaken;
    private final Supplier<LocalDateTime> clock;
    private TrainingConfig base = TrainingConfig.cpuDemo();
    private String generatedName;

    public NewRunViewModel(Predicate<String> nameTaken, Supplier<LocalDateTime> clock) {
        this.nameTaken = nameTaken;
        this.clock = clock;
        applyPreset("cpu-demo");
        preset.addListener((obs, old, now) -> {
            if (now != null && TrainingConfig.PRESETS.contains(now)) {
                applyPreset(now);
            }
        });
        for (Observable input : List.of(latentDim, stopGradient, epochs, batchSize, baseLr, device, name)) {
            input.addListener(o -> validate());
        }
        for (Observable input : List.of(preset, latentDim, stopGradient)) {
            input.addListener(o -> regenerateNameIfUntouched());
        }
        validate();
    }

    private void applyPreset(String presetName) {
        base = TrainingConfig.preset(presetName);
        latentDim.set(base.latentDim());
        stopGradient.set(base.stopGradient());
        epochs.set(Integer.toString(base.epochs()));
        batchSize.set(Integer.toString(base.batchSize()));
        baseLr.set(Double.toString(base.baseLr()));
        device.set(base.device());
        regenerateNameIfUntouched();
    }

    private void regenerateNameIfUntouched() {
        if (name.get() == null || name.get().isBlank() || name.get().equals(generatedName)) {
            generatedName = uniqueName();
            name.set(generatedName);
        }
    }

    /** Picks a fresh default name, e.g. after a run was started with the current one. */
    public void newName() {
        generatedName = uniqueName();
        name.set(generatedName);
    }

    private String uniqueName() {
        String stem = String.format(Locale.ROOT, "%s-d%d-%s-%s", preset.get(), latentDim.get(),
                stopGradient.get() ? "sg" : "nosg", clock.get().format(STAMP));
        String candidate = stem;
        for (int i = 2; nameTaken.test(candidate); i++) {
            candidate = stem + "-" + i;
        }
        return candidate;
    }

    private void validate() {
        List<String> other = new ArrayList<>();
        String epochsProblem = "";
        String batchProblem = "";
        String lrProblem = "";
        Integer parsedEpochs = parseInt(epochs.get());
        Integer parsedBatch = parseInt(batchSize.get());
        Double parsedLr = parseDouble(baseLr.get());
        if (parsedEpochs == null) {
            epochsProblem = "epochs must be a whole number, e.g. 5";
        }
        if (parsedBatch == null) {
            batchProblem = "batch size must be a whole number, e.g. 128";
        }
        if (parsedLr == null) {
            lrProblem = "base learning rate must be a number, e.g. 0.05";
        }
        TrainingConfig candidate = assemble(parsedEpochs, parsedBatch, parsedLr);
        String nameProblem = "";
        String latentProblem = "";
        String deviceProblem = "";
        for (String problem : candidate.validate()) {
            if (problem.startsWith("run name")) {
                nameProblem = problem;
            } else if (problem.startsWith("latent size")) {
                latentProblem = problem;
            } else if (problem.startsWith("epochs")) {
                epochsProblem = epochsProblem.isEmpty() ? problem : epochsProblem;
            } else if (problem.startsWith("batch size") || problem.startsWith("training subset")) {
                batchProblem = batchProblem.isEmpty() ? problem : batchProblem;
            } else if (problem.startsWith("base learning rate")) {
                lrProblem = lrProblem.isEmpty() ? problem : lrProblem;
            } else if (problem.startsWith("device")) {
                deviceProblem = problem;
            } else {
                other.add(problem);
            }
        }
        if (nameProblem.isEmpty() && nameTaken.test(candidate.name())) {
            nameProblem = "a run named '" + candidate.name() + "' already exists: choose another name";
        }
        epochsError.set(epochsProblem);
        batchSizeError.set(batchProblem);
        baseLrError.set(lrProblem);
        nameError.set(nameProblem);
        latentDimError.set(latentProblem);
        deviceError.set(deviceProblem);
        otherErrors.set(String.join("\n", other));
        valid.set(epochsProblem.isEmpty() && batchProblem.isEmpty() && lrProblem.isEmpty() && nameProblem.isEmpty()
                && latentProblem.isEmpty() && deviceProblem.isEmpty() && other.isEmpty());
    }

    /** Re-checks the name against the runs that exist now (another process may have created one). */
    public void revalidate() {
        validate();
    }

    private TrainingConfig assemble(Integer parsedEpochs, Integer parsedBatch, Double parsedLr) {
        TrainingConfig config = base
                .withName(name.get() == null ? "" : name.get().trim())
                .withLatentDim(latentDim.get() == null ? 0 : latentDim.get())
                .withStopGradient(stopGradient.get())
                .withEpochs(parsedEpochs == null ? base.epochs() : parsedEpochs)
                .withBatchSize(parsedBatch == null ? base.batchSize() : parsedBatch)
                .withBaseLr(parsedLr == null ? base.baseLr() : parsedLr)
                .withDevice(device.get());
        boolean unchanged = config.latentDim() == base.latentDim() && config.stopGradient() == base.stopGradient()
                && config.epochs() == base.epochs() && config.batchSize() == base.batchSize()
                && config.baseLr() == base.baseLr();
        return unchanged ? config : withPreset(config, "custom");
    }

    private static TrainingConfig withPreset(TrainingConfig c, String presetName) {
        return new TrainingConfig(c.name(), presetName, c.latentDim(), c.stopGradient(), c.epochs(), c.batchSize(),
                c.baseLr(), c.momentum(), c.weightDecay(), c.fixedPredictorLr(), c.widthMultiplier(),
                c.trainSubset(), c.knnEvery(), c.knnTrainSubset(), c.device(), c.seed(), c.dataDir(),
                c.verifyData());
    }

    /** The config to start, when the form is valid. */
    public Optional<TrainingConfig> config() {
        validate();
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(assemble(parseInt(epochs.get()), parseInt(batchSize.get()), parseDouble(baseLr.get())));
    }

    private static Integer parseInt(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public ObjectProperty<String> presetProperty() {
        return preset;
    }

    public ObjectProperty<Integer> latentDimProperty() {
        return latentDim;
    }

    public BooleanProperty stopGradientProperty() {
        return stopGradient;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty baseLrProperty() {
        return baseLr;
    }

    public ObjectProperty<String> deviceProperty() {
        return device;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty epochsErrorProperty() {
        return epochsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty batchSizeErrorProperty() {
        return batchSizeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseLrErrorProperty() {
        return baseLrError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latentDimErrorProperty() {
        return latentDimError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceErrorProperty() {
        return deviceError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty otherErrorsProperty() {
        return otherErrors.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
