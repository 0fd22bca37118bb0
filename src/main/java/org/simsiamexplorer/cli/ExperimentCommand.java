package org.simsiamexplorer.cli;

import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.Verification;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.evaluation.EvaluationImages;
import org.simsiamexplorer.service.experiment.ExperimentRunner;
import org.simsiamexplorer.service.experiment.ExperimentSpec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

/**
 * {@code experiment --spec specs/x.json --out DIR [--data PATH]}: runs the spec's grid (pre-training each cell
 * once, then the linear probe and fine-tuning) and writes {@code DIR/results.md} and {@code DIR/results.csv}, the
 * runs under {@code DIR/runs/}. Started again on the same folder it continues where it stopped.
 */
final class ExperimentCommand implements CliCommand {
    static final Set<String> OPTIONS = Set.of("spec", "out", "data");

    @Override
    public String name() {
        return "experiment";
    }

    @Override
    public String summary() {
        return "run a grid (latent size x stop-gradient x frozen/fine-tuned) from a spec; results.md beside the study";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String help() {
        return """
                usage: simsiam experiment --spec specs/cpu-small.json --out DIR [--data PATH]

                Pre-trains every cell of the spec once (DIR/runs/<cell>/), evaluates each with the linear probe
                and fine-tuning, and rewrites DIR/results.md and DIR/results.csv after every evaluation: our
                top-1/top-5 beside the study's published value for that cell. Started again with the same DIR,
                it resumes unfinished pre-trainings and reuses evaluations whose settings did not change.

                  --spec FILE           experiment spec (specs/study-full.json for a GPU, specs/cpu-small.json)
                  --out DIR             output folder
                  --data PATH           CIFAR-10 folder or .tar.gz (default: the spec's, SIMSIAM_DATA, cache)
                """;
    }

    @Override
    public int run(CliArguments args, CliContext context) throws Exception {
        PrintStream out = context.out();
        Path specFile = Path.of(args.required("spec"));
        Path outDir = Path.of(args.required("out"));
        String data = args.string("data").orElse(null);
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
            ExperimentRunner runner = new ExperimentRunner(context.trainingService().get(),
                    line -> print(out, line), new EvaluationProgressPrinter(out, "      "));
            runner.run(pinned, outDir, images);
            print(out, String.format(Locale.ROOT, "done in %.1f min: %s", (System.nanoTime() - start) / 60e9,
                    outDir.resolve("results.md")));
            out.println(Files.readString(outDir.resolve("results.md")));
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("experiment interrupted; run it again with the same --out to continue");
            return ExitCodes.STOPPED;
        }
    }

    private static void print(PrintStream out, String line) {
        out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }
}
