package org.simsiamexplorer.service.experiment;

import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingListener;
import org.simsiamexplorer.service.TrainingService;
import org.simsiamexplorer.service.TrainingSession;
import org.simsiamexplorer.service.evaluation.EvaluationConfig;
import org.simsiamexplorer.service.evaluation.EvaluationImages;
import org.simsiamexplorer.service.evaluation.EvaluationListener;
import org.simsiamexplorer.service.evaluation.EvaluationMode;
import org.simsiamexplorer.service.evaluation.EvaluationResults;
import org.simsiamexplorer.service.evaluation.EvaluationStore;
import org.simsiamexplorer.service.evaluation.Evaluator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an {@link ExperimentSpec}: pre-trains each cell once through the training service (into
 * {@code <out>/runs/<cell>/}), evaluates it with every mode, and rewrites {@code results.csv} and
 * {@code results.md} after every evaluation, so a long grid shows its progress and a killed one keeps what it
 * finished. Started again with the same output folder, it resumes unfinished pre-trainings and reuses evaluations
 * whose stored configuration matches the spec.
 */
public final class ExperimentRunner {
    private final TrainingService training;
    private final Consumer<String> log;
    private final EvaluationListener evaluationProgress;

    public ExperimentRunner(TrainingService training, Consumer<String> log, EvaluationListener evaluationProgress) {
        this.training = training;
        this.log = log;
        this.evaluationProgress = evaluationProgress;
    }

    public List<ExperimentRow> run(ExperimentSpec spec, Path out, EvaluationImages images)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path runs = out.resolve("runs");
        Files.createDirectories(runs);
        List<ExperimentRow> rows = new ArrayList<>();
        List<ExperimentSpec.Cell> cells = spec.cells();
        for (int i = 0; i < cells.size(); i++) {
            ExperimentSpec.Cell cell = cells.get(i);
            TrainingConfig config = spec.trainingConfig(cell);
            log.accept(String.format(Locale.ROOT, "[%d/%d] %s: pre-training %d epochs (width %.3g, %s images,"
                            + " batch %d)", i + 1, cells.size(), cell.runName(), config.epochs(),
                    config.widthMultiplier(), config.trainSubset() == 0 ? "all" : config.trainSubset(),
                    config.batchSize()));
            long pretrainStart = System.nanoTime();
            Optional<String> failure = pretrain(config, runs);
            double pretrainSeconds = (System.nanoTime() - pretrainStart) / 1e9;
            for (EvaluationMode mode : spec.evaluationModes()) {
                if (failure.isPresent()) {
                    rows.add(ExperimentRow.failed(cell, mode, "pre-training failed: " + failure.get()));
                    continue;
                }
                rows.add(evaluate(cell, mode, spec.evaluationConfig(mode), runs.resolve(cell.runName()), images,
                        pretrainSeconds));
                write(spec, out, rows, (System.nanoTime() - start) / 1e9);
            }
            write(spec, out, rows, (System.nanoTime() - start) / 1e9);
        }
        return rows;
    }

    /** Empty when the run finished all its epochs (now or earlier); otherwise why it did not. */
    private Optional<String> pretrain(TrainingConfig config, Path runs) throws IOException, InterruptedException {
        Path folder = runs.resolve(config.name());
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics epoch) {
                if (epoch.isUntrainedBaseline()) {
                    log.accept(String.format(Locale.ROOT, "  %s untrained encoder: kNN top-1 %.2f%%", config.name(),
                            100 * epoch.knnTop1()));
                    return;
                }
                log.accept(String.format(Locale.ROOT, "  %s epoch %d: loss %.4f, collapse std %.4f (1/sqrt(d) = %.4f)"
                                + ", %.0f s", config.name(), epoch.epoch(), epoch.meanLoss(), epoch.collapseStd(),
                        epoch.collapseReference(), epoch.seconds()));
            }
        };
        TrainingSession session;
        if (RunDirectory.isRun(folder)) {
            Optional<RunStatus> status = new RunDirectory(folder).readStatus();
            if (status.isPresent() && status.get().state() == RunState.FINISHED) {
                log.accept("  already pre-trained: " + folder);
                return Optional.empty();
            }
            log.accept("  resuming " + folder);
            session = training.resume(folder, listener);
        } else {
            session = training.start(config, runs, listener);
        }
        while (!session.awaitTermination(10, TimeUnit.SECONDS)) {
            // the listener reports each epoch; nothing to do between them
        }
        RunStatus status = session.status();
        return status.state() == RunState.FINISHED ? Optional.empty() : Optional.of(status.message());
    }

    private ExperimentRow evaluate(ExperimentSpec.Cell cell, EvaluationMode mode, EvaluationConfig config,
                                   Path run, EvaluationImages images, double pretrainSeconds) {
        try {
            EvaluationResults results = null;
            if (EvaluationStore.exists(run, mode)) {
                EvaluationResults stored = EvaluationStore.readResults(run, mode);
                if (config.equals(stored.config())) {
                    log.accept("  " + mode.folderName() + ": reusing the stored evaluation");
                    results = stored;
                }
            }
            if (results == null) {
                log.accept("  " + mode.folderName() + ": " + config.epochs() + " epochs, batch " + config.batchSize()
                        + ", lr " + config.learningRate());
                results = Evaluator.evaluate(run, config, images, evaluationProgress);
            }
            log.accept(String.format(Locale.ROOT, "  %s %s: top-1 %.2f%%, top-5 %.2f%% (%.0f s)", cell.runName(),
                    mode.folderName(), 100 * results.top1(), 100 * results.top5(), results.seconds()));
            return ExperimentRow.ok(cell, mode, results.encoder().pretrainEpochs(), 100 * results.top1(),
                    100 * results.top5(), pretrainSeconds, results.seconds());
        } catch (IOException | RuntimeException e) {
            log.accept("  " + cell.runName() + " " + mode.folderName() + " FAILED: " + e.getMessage());
            return ExperimentRow.failed(cell, mode, "evaluation failed: " + e.getMessage());
        }
    }

    private static void write(ExperimentSpec spec, Path out, List<ExperimentRow> rows, double seconds)
            throws IOException {
        RunDirectory.writeAtomically(out.resolve("results.csv"), ExperimentTable.csv(rows));
        RunDirectory.writeAtomically(out.resolve("results.md"), ExperimentTable.markdown(
                "Experiment " + (spec.name() == null ? "" : spec.name()), header(spec), rows, seconds));
    }

    static String header(ExperimentSpec spec) {
        StringBuilder text = new StringBuilder();
        if (spec.description() != null) {
            text.append(spec.description()).append("\n\n");
        }
        ExperimentSpec.Cell first = spec.cells().get(0);
        TrainingConfig pre = spec.trainingConfig(first);
        text.append(String.format(Locale.ROOT, "- Pre-training: %d epochs, batch %d, base lr %s (lr %.4g), momentum "
                        + "%s, wd %s, width x%s (features %d), %s training images, seed %d, device %s%n",
                pre.epochs(), pre.batchSize(), pre.baseLr(), pre.scaledLr(), pre.momentum(), pre.weightDecay(),
                pre.widthMultiplier(), org.simsiamexplorer.model.CifarResNet.featureSize(pre.widthMultiplier()),
                pre.trainSubset() == 0 ? "all 50,000" : String.valueOf(pre.trainSubset()), pre.seed(),
                pre.device()));
        for (EvaluationMode mode : spec.evaluationModes()) {
            EvaluationConfig c = spec.evaluationConfig(mode);
            text.append(String.format(Locale.ROOT, "- %s: %d epochs, batch %d, lr %s (cosine), momentum %s, wd %s,"
                            + " %s training images, %s test images%n",
                    mode == EvaluationMode.LINEAR ? "Linear probe (frozen encoder, cached features)"
                            : "Fine-tuning (whole network, pad-4 crop + flip)", c.epochs(), c.batchSize(),
                    c.learningRate(), c.momentum(), c.weightDecay(),
                    c.trainSubset() == 0 ? "all 50,000" : String.valueOf(c.trainSubset()),
                    c.testSubset() == 0 ? "all 10,000" : String.valueOf(c.testSubset())));
        }
        text.append("- Study: ResNet-18, batch 16, lr 0.05, momentum 0.9, wd 5e-4, 50 pre-training epochs, 50"
                + " fine-tuning epochs, all labels; top-1/top-5 in %, frozen = linear probe");
        return text.toString();
    }
}
