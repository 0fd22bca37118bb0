package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.evaluation.EvaluationConfig;
import org.simsiamexplorer.service.evaluation.EvaluationImages;
import org.simsiamexplorer.service.evaluation.EvaluationMode;
import org.simsiamexplorer.service.evaluation.EvaluationResults;
import org.simsiamexplorer.service.evaluation.EvaluationStore;
import org.simsiamexplorer.service.evaluation.Evaluator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code evaluate --run runs/x --mode linear|finetune [--epochs N] [--batch N] [--lr X] [--subset N]
 * [--test-subset N] [--data PATH] [--device auto|cpu|gpu] [--seed N]}: trains the classifier on the run's encoder,
 * writes {@code eval/<mode>/} and prints top-1, top-5, the per-class table and the confusion matrix.
 */
public final class EvaluateCommand {
    public static final String USAGE = "evaluate --run DIR --mode linear|finetune [--epochs N] [--batch N] [--lr X]"
            + " [--subset N] [--test-subset N] [--data PATH] [--device auto|cpu|gpu] [--seed N]";
    private static final List<String> OPTIONS = List.of("run", "mode", "epochs", "batch", "lr", "subset",
            "test-subset", "data", "device", "seed");

    private EvaluateCommand() {
    }

    /** Standalone entry point until the {@code simsiam} dispatcher routes to {@link #run}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit code: 0 done, 1 failed (message on {@code err}), 2 bad arguments. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        EvaluationConfig config;
        Path run;
        String data;
        try {
            CommandOptions options = CommandOptions.parse(args, CommandOptions.names(OPTIONS));
            run = Path.of(options.required("run"));
            config = config(options);
            data = options.optional("data");
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            err.println("usage: " + USAGE);
            return 2;
        }
        try {
            if (!Files.isDirectory(run)) {
                throw new IOException("run directory " + run + " does not exist");
            }
            out.println("loading CIFAR-10 ...");
            EvaluationImages images = Evaluator.loadCifar(run, data);
            out.println(describe(config));
            EvaluationResults results = Evaluator.evaluate(run, config, images,
                    new EvaluationProgressPrinter(out, "  "));
            print(results, out);
            out.println("results written to " + EvaluationStore.folder(run, config.mode()).resolve(
                    EvaluationStore.RESULTS));
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("evaluate failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    static EvaluationConfig config(CommandOptions options) {
        EvaluationMode mode = EvaluationMode.parse(options.required("mode"));
        EvaluationConfig base = EvaluationConfig.defaults(mode);
        EvaluationConfig config = base.withEpochs(options.integer("epochs", base.epochs()))
                .withBatchSize(options.integer("batch", base.batchSize()))
                .withLearningRate(options.decimal("lr", base.learningRate()))
                .withSubsets(options.integer("subset", base.trainSubset()),
                        options.integer("test-subset", base.testSubset()))
                .withSeed(options.integer("seed", (int) base.seed()));
        if (options.has("device")) {
            config = config.withDevice(options.optional("device"));
        }
        config.requireValid();
        return config;
    }

    static String describe(EvaluationConfig c) {
        return String.format(Locale.ROOT, "%s: %d epochs, batch %d, lr %s (cosine), momentum %s, wd %s, %s training"
                        + " images, %s test images, device %s",
                c.mode() == EvaluationMode.LINEAR ? "linear probe (frozen encoder, features cached once)"
                        : "fine-tuning (whole network, pad-4 crop + flip)", c.epochs(), c.batchSize(),
                c.learningRate(), c.momentum(), c.weightDecay(), c.trainSubset() == 0 ? "all" : c.trainSubset(),
                c.testSubset() == 0 ? "all" : c.testSubset(), c.device());
    }

    static void print(EvaluationResults r, PrintStream out) {
        out.println(String.format(Locale.ROOT, "%s of %s (%s, %d pre-training epochs, d=%d, stop-gradient %s)",
                r.mode(), r.encoder().run(), r.encoder().checkpoint(), r.encoder().pretrainEpochs(),
                r.encoder().latentDim(), r.encoder().stopGradient() ? "on" : "off"));
        out.println(String.format(Locale.ROOT, "top-1 %.2f %%   top-5 %.2f %%   (%d test images, %d training images,"
                + " %.1f s)", 100 * r.top1(), 100 * r.top5(), r.testImages(), r.trainImages(), r.seconds()));
        out.println(String.format(Locale.ROOT, "%-12s %7s %9s", "class", "images", "top-1"));
        for (int c = 0; c < r.classes(); c++) {
            out.println(String.format(Locale.ROOT, "%-12s %7d %8.1f%%", r.classNames().get(c), r.classCounts()[c],
                    100 * r.perClassAccuracy()[c]));
        }
        out.println("confusion matrix (rows: true class, columns: predicted class)");
        StringBuilder header = new StringBuilder(String.format("%-12s", ""));
        for (int c = 0; c < r.classes(); c++) {
            header.append(String.format(" %5.5s", r.classNames().get(c)));
        }
        out.println(header);
        for (int t = 0; t < r.classes(); t++) {
            StringBuilder row = new StringBuilder(String.format("%-12s", r.classNames().get(t)));
            for (int p = 0; p < r.classes(); p++) {
                row.append(String.format(" %5d", r.confusion()[t][p]));
            }
            out.println(row);
        }
    }
}
