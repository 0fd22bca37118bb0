package org.simsiamexplorer.cli;

import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.Verification;
import org.simsiamexplorer.service.CifarTrainingData;
import org.simsiamexplorer.service.KnnScorer;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.SimSiamTrainingService;
import org.simsiamexplorer.service.evaluation.EvaluationImages;
import org.simsiamexplorer.service.experiment.ExperimentRunner;
import org.simsiamexplorer.service.experiment.ExperimentSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code experiment --spec specs/x.json --out DIR [--data PATH]}: runs the spec's grid (pre-training each cell
 * once, then the linear probe and fine-tuning) and writes {@code DIR/results.md} and {@code DIR/results.csv}, the
 * runs under {@code DIR/runs/}. Started again on the same folder it continues where it stopped.
 */
public final class ExperimentCommand {
    public static final String USAGE = "experiment --spec FILE --out DIR [--data PATH]";
    private static final List<String> OPTIONS = List.of("spec", "out", "data");

    private ExperimentCommand() {
    }

    /** Standalone entry point until the {@code simsiam} dispatcher routes to {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit code: 0 done (rows may still report failures), 1 failed, 2 bad arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path specFile;
        Path outDir;
        String data;
        try {
            CommandOptions options = CommandOptions.parse(args, CommandOptions.names(OPTIONS));
            specFile = Path.of(options.required("spec"));
            outDir = Path.of(options.required("out"));
            data = options.optional("data");
        } catch (IllegalArgumentException e) {
            err.println("experiment: " + e.getMessage());
            err.println("usage: " + USAGE);
            return 2;
        }
        long start = System.nanoTime();
        try {
            ExperimentSpec spec = ExperimentSpec.read(specFile);
            if (data != null) {
                spec = new ExperimentSpec(spec.name(), spec.description(), spec.preset(), spec.device(), spec.seed(),
                        data, spec.grid(), spec.extraCells(), spec.modes(), spec.pretrain(), spec.linear(),
                        spec.finetune());
            }
            Files.createDirectories(outDir);
            RunDirectory.writeAtomically(outDir.resolve("spec.json"), Files.readString(specFile));
            Path location = CifarLocator.standard().locateOrThrow(spec.dataDir() == null ? null
                    : Path.of(spec.dataDir())).path();
            print(out, "loading CIFAR-10 from " + location + " ...");
            EvaluationImages images = EvaluationImages.of(Cifar10Reader.read(location, Verification.VERIFY_MD5));
            ExperimentSpec pinned = new ExperimentSpec(spec.name(), spec.description(), spec.preset(), spec.device(),
                    spec.seed(), location.toString(), spec.grid(), spec.extraCells(), spec.modes(), spec.pretrain(),
                    spec.linear(), spec.finetune());
            print(out, "experiment " + spec.name() + ": " + spec.cells().size() + " cells x "
                    + spec.evaluationModes().size() + " evaluations -> " + outDir.toAbsolutePath());
            ExperimentRunner runner = new ExperimentRunner(
                    new SimSiamTrainingService(CifarTrainingData::open, KnnScorer.UNAVAILABLE),
                    line -> print(out, line), new EvaluationProgressPrinter(out, "      "));
            runner.run(pinned, outDir, images);
            print(out, String.format(Locale.ROOT, "done in %.1f min: %s", (System.nanoTime() - start) / 60e9,
                    outDir.resolve("results.md")));
            out.println(Files.readString(outDir.resolve("results.md")));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("experiment failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("experiment interrupted; run it again with the same --out to continue");
            return 1;
        }
    }

    private static void print(PrintStream out, String line) {
        out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }
}
