package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.TrainingConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code simsiam status}: what a run directory says, without loading any model. */
final class StatusCommand implements CliCommand {
    /** A RUNNING status without a heartbeat for this long probably belongs to a process that died. */
    static final long STALE_MILLIS = 60_000;

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("run");
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "show a run's state, configuration and per-epoch metrics";
    }

    @Override
    public String help() {
        return """
                usage: simsiam status --run DIR

                Prints the run's state, its configuration, the metrics of every epoch and its checkpoints.
                """;
    }

    @Override
    public int run(CliArguments args, CliContext context) throws IOException, UsageException {
        Path folder = Path.of(args.required("run"));
        if (!RunDirectory.isRun(folder)) {
            context.err().println(folder + " is not a run directory (it has no " + RunDirectory.CONFIG + ")");
            return ExitCodes.FAILED;
        }
        RunDirectory run = new RunDirectory(folder);
        TrainingConfig config = run.readConfig();
        PrintStream out = context.out();
        out.println("run " + run.name() + " in " + folder.toAbsolutePath().getParent());
        Optional<RunStatus> status = run.readStatus();
        out.println("state: " + status.map(StatusCommand::describe).orElse("never started"));
        out.println(String.format(Locale.ROOT, "config: preset %s, width %.3g, latent %d, stop-gradient %s,"
                        + " %d epochs, batch %d, base lr %.4g, subset %s, seed %d, device %s", config.preset(),
                config.widthMultiplier(), config.latentDim(), config.stopGradient() ? "on" : "off", config.epochs(),
                config.batchSize(), config.baseLr(), config.trainSubset() == 0 ? "all" : config.trainSubset(),
                config.seed(), config.device()));
        List<EpochMetrics> epochs = run.readMetrics().epochs();
        if (!epochs.isEmpty()) {
            out.println("epoch  mean loss  collapse std (healthy)  kNN top-1  seconds");
            for (EpochMetrics e : epochs) {
                if (e.isUntrainedBaseline()) {
                    out.println(String.format(Locale.ROOT, "%5s  %9s  %12s %8s  %9s  %7.0f", "init", "-", "-", "",
                            String.format(Locale.ROOT, "%.2f%%", 100 * e.knnTop1()), e.seconds()));
                    continue;
                }
                out.println(String.format(Locale.ROOT, "%5d  %9.4f  %12.4f (%.4f)  %9s  %7.0f", e.epoch(),
                        e.meanLoss(), e.collapseStd(), e.collapseReference(),
                        Double.isNaN(e.knnTop1()) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * e.knnTop1()),
                        e.seconds()));
            }
        }
        try (Stream<Path> files = Files.isDirectory(run.checkpoints()) ? Files.list(run.checkpoints())
                : Stream.empty()) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ckpt"))
                    .sorted().toList();
            out.println("checkpoints: " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        return ExitCodes.OK;
    }

    static String describe(RunStatus status) {
        String text = status.state() + " at epoch " + status.epoch() + ", step " + status.step() + ": "
                + status.message();
        long age = System.currentTimeMillis() - status.updatedMillis();
        if (status.state() == RunState.RUNNING || status.state() == RunState.PAUSED) {
            if (age > STALE_MILLIS) {
                text += " (no heartbeat for " + ProgressPrinter.duration(age / 1000.0)
                        + ": the training process probably died; 'simsiam resume' continues from the last checkpoint)";
            }
        }
        return text;
    }
}
