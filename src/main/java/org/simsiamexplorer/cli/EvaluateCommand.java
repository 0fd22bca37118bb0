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
import java.util.Set;
import java.util.Locale;

/**
 * {@code evaluate --run runs/x --mode linear|finetune [--epochs N] [--batch N] [--lr X] [--subset N]
 * [--test-subset N] [--data PATH] [--device auto|cpu|gpu] [--seed N]}: trains the classifier on the run's encoder,
 * writes {@code eval/<mode>/} and prints top-1, top-5, the per-class table and the confusion matrix.
 */
final class EvaluateCommand implements CliCommand {
    static final Set<String> OPTIONS = Set.of("run", "mode", "epochs", "batch", "lr", "subset", "test-subset",
            "data", "device", "seed");

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "linear probe / fine-tuning of a run's encoder (top-1, top-5, per class)";
    }

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public String help() {
        return """
                usage: simsiam evaluate --run DIR --mode linear|finetune [options]

                Trains a classifier on the run's pre-trained encoder (newest checkpoint), scores it on the test
                set, prints top-1, top-5, per-class accuracy and the confusion matrix, and writes
                <run>/eval/<mode>/ (results.json, head.f32, test-predictions, finetune: backbone.params).

                  --run DIR             the run directory (e.g. runs/cpu-demo)
                  --mode M              linear: frozen encoder, features cached once, softmax head trained on them;
                                        finetune: head + whole encoder trained (pad-4 crop + flip, BN training mode)
                  --epochs N            classifier epochs (default 50)
                  --batch N             images per step (default linear 256, finetune 128)
                  --lr X                initial lr, cosine to 0 (default linear 0.1, finetune 0.05)
                  --subset N            training images used (default 0 = all 50,000; seeded random subset)
                  --test-subset N       test images scored (default 0 = all 10,000)
                  --data PATH           CIFAR-10 folder or .tar.gz (default: the run's, SIMSIAM_DATA, cache)
                  --device auto|cpu|gpu compute device (default auto: the GPU when PyTorch sees one)
                  --seed N              seed of subsets, shuffling, augmentation and head init (default 42)
                """;
    }

    @Override
    public int run(CliArguments args, CliContext context) throws Exception {
        PrintStream out = context.out();
        Path run = Path.of(args.required("run"));
        EvaluationConfig config = config(args);
        String data = args.string("data").orElse(null);
        if (!Files.isDirectory(run)) {
            throw new IOException("run directory " + run + " does not exist");
        }
        out.println("loading CIFAR-10 ...");
        EvaluationImages images = Evaluator.loadCifar(run, data);
        out.println(describe(config));
        EvaluationResults results = Evaluator.evaluate(run, config, images, new EvaluationProgressPrinter(out, "  "));
        print(results, out);
        out.println("results written to " + EvaluationStore.folder(run, config.mode()).resolve(
                EvaluationStore.RESULTS));
        return ExitCodes.OK;
    }

    static EvaluationConfig config(CliArguments args) throws UsageException {
        EvaluationMode mode = EvaluationMode.parse(args.required("mode"));
        EvaluationConfig base = EvaluationConfig.defaults(mode);
        EvaluationConfig config = base.withEpochs(args.integer("epochs").orElse(base.epochs()))
                .withBatchSize(args.integer("batch").orElse(base.batchSize()))
                .withLearningRate(args.decimal("lr").orElse(base.learningRate()))
                .withSubsets(args.integer("subset").orElse(base.trainSubset()),
                        args.integer("test-subset").orElse(base.testSubset()))
                .withSeed(args.longValue("seed").orElse(base.seed()))
                .withDevice(args.string("device").orElse(base.device()));
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
