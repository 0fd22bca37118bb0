package org.simsiamexplorer.cli;

import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingSession;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** {@code simsiam train}: a new run from a preset with optional overrides. */
final class TrainCommand implements CliCommand {
    static final Set<String> OPTIONS = Set.of("preset", "name", "runs", "data", "latent", "stop-gradient", "epochs",
            "batch", "lr", "width", "subset", "knn-every", "knn-bank", "device", "seed");
    static final Set<String> FLAGS = Set.of("no-verify", "fixed-predictor-lr");

    @Override
    public Set<String> options() {
        return OPTIONS;
    }

    @Override
    public Set<String> flags() {
        return FLAGS;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "pre-train SimSiam on CIFAR-10 from a preset";
    }

    @Override
    public String help() {
        return """
                usage: simsiam train --preset cpu-demo|study|paper [options]

                Starts a new run in <runs>/<name>/ and prints progress; Ctrl-C stops it with a checkpoint
                (continue with 'simsiam resume --run <runs>/<name>').

                  --preset P            cpu-demo (1/8-width ResNet-18, 5-10 min on 2 CPU cores), study, paper
                  --name N              run name (default: the preset's name); must not exist yet
                  --runs DIR            folder of runs (default: runs)
                  --data PATH           CIFAR-10 folder or .tar.gz (default: SIMSIAM_DATA, remembered folder, cache)
                  --no-verify           skip the MD5 check of the dataset
                  --latent D            projector output size: 2048, 512, 128, 32 or 2
                  --stop-gradient on|off  SimSiam's stop-gradient (off shows collapse)
                  --epochs N            pre-training epochs
                  --batch N             images per step
                  --lr X                base learning rate (lr = X * batch / 256, cosine decay)
                  --width X             encoder width multiplier (1.0 = ResNet-18)
                  --subset N            training images per epoch (0 = all 50,000)
                  --fixed-predictor-lr  keep the predictor's lr constant while the rest follows the cosine
                  --knn-every N         kNN monitor every N epochs and at the last (0 = never, not even the baseline)
                  --knn-bank N          training images in the kNN memory bank (0 = all 50,000)
                  --device auto|cpu|gpu compute device (auto: the GPU when PyTorch sees one)
                  --seed N              seed of initialisation, shuffling and augmentation
                """;
    }

    @Override
    public int run(CliArguments args, CliContext context) throws Exception {
        TrainingConfig config = configFrom(args);
        Path runs = Path.of(args.string("runs").orElse("runs"));
        context.out().println(String.format(Locale.ROOT,
                "training '%s' (preset %s): width %.3g, latent %d, stop-gradient %s, %d epochs, batch %d, lr %.4g,"
                        + " subset %s, device %s", config.name(), config.preset(), config.widthMultiplier(),
                config.latentDim(), config.stopGradient() ? "on" : "off", config.epochs(), config.batchSize(),
                config.scaledLr(), config.trainSubset() == 0 ? "all" : String.valueOf(config.trainSubset()),
                config.device()));
        TrainingSession session = context.trainingService().get().start(config, runs,
                new ProgressPrinter(context.out(), 30, config.epochs()));
        return SessionWaiter.await(session, context);
    }

    static TrainingConfig configFrom(CliArguments args) throws UsageException {
        String preset = args.required("preset");
        TrainingConfig config;
        try {
            config = TrainingConfig.preset(preset);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        boolean custom = false;
        if (args.has("name")) {
            config = config.withName(args.string("name").orElseThrow());
        }
        if (args.has("data") || args.has("no-verify")) {
            config = config.withData(args.string("data").orElse(config.dataDir()), !args.has("no-verify"));
        }
        if (args.has("latent")) {
            config = config.withLatentDim(args.integer("latent").orElseThrow());
            custom = true;
        }
        if (args.has("stop-gradient")) {
            config = config.withStopGradient(args.onOff("stop-gradient").orElseThrow());
            custom = true;
        }
        if (args.has("epochs")) {
            config = config.withEpochs(args.integer("epochs").orElseThrow());
            custom = true;
        }
        if (args.has("batch")) {
            config = config.withBatchSize(args.integer("batch").orElseThrow());
            custom = true;
        }
        if (args.has("lr")) {
            config = config.withBaseLr(args.decimal("lr").orElseThrow());
            custom = true;
        }
        if (args.has("width")) {
            config = config.withWidthMultiplier(args.decimal("width").orElseThrow());
            custom = true;
        }
        if (args.has("subset")) {
            config = config.withTrainSubset(args.integer("subset").orElseThrow());
            custom = true;
        }
        if (args.has("fixed-predictor-lr")) {
            config = config.withFixedPredictorLr(true);
            custom = true;
        }
        if (args.has("knn-every") || args.has("knn-bank")) {
            config = config.withKnn(args.has("knn-every") ? args.integer("knn-every").orElseThrow()
                    : config.knnEvery(), args.has("knn-bank") ? args.integer("knn-bank").orElseThrow()
                    : config.knnTrainSubset());
        }
        if (args.has("device")) {
            config = config.withDevice(args.string("device").orElseThrow());
        }
        if (args.has("seed")) {
            config = config.withSeed(args.longValue("seed").orElseThrow());
        }
        return custom ? config.withPreset(config.preset() + "+custom") : config;
    }
}
