package org.simsiamexplorer.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything needed to reproduce a SimSiam run; written to {@code config.json} in the run directory.
 *
 * @param name             run directory name under the runs root
 * @param preset           preset this config started from (paper, study, cpu-demo, custom)
 * @param latentDim        projector output size d: 2048 (paper), 512, 128, 32 or 2
 * @param stopGradient     SimSiam's stop-gradient on the target branch; off lets gradients flow through both branches
 * @param epochs           pre-training epochs
 * @param batchSize        images per step (each gives two views)
 * @param baseLr           lr = baseLr * batchSize / 256, then cosine decay (paper: 0.03; the study: 0.05)
 * @param momentum         SGD momentum (0.9)
 * @param weightDecay      SGD weight decay (5e-4 for CIFAR)
 * @param fixedPredictorLr keep the predictor's lr constant while the rest decays (paper's default on ImageNet)
 * @param widthMultiplier  encoder width as a fraction of ResNet-18's 64..512 channels (1.0 = ResNet-18); small CPU presets
 * @param trainSubset      number of training images used per epoch (0 = all 50,000)
 * @param knnEvery         run the kNN monitor every n epochs (0 = never)
 * @param knnTrainSubset   training images used as the kNN memory bank (0 = all)
 * @param device           auto, cpu or gpu
 * @param seed             seeds shuffling, augmentation and initialisation
 * @param dataDir          explicit CIFAR-10 location, or null to use SIMSIAM_DATA / the per-user cache
 * @param verifyData       verify the dataset's MD5s before training (false only by explicit --no-verify)
 */
public record TrainingConfig(
        String name,
        String preset,
        int latentDim,
        boolean stopGradient,
        int epochs,
        int batchSize,
        double baseLr,
        double momentum,
        double weightDecay,
        boolean fixedPredictorLr,
        double widthMultiplier,
        int trainSubset,
        int knnEvery,
        int knnTrainSubset,
        String device,
        long seed,
        String dataDir,
        boolean verifyData) {

    public static final Set<Integer> LATENT_SIZES = Set.of(2048, 512, 128, 32, 2);
    public static final List<String> PRESETS = List.of("paper", "study", "cpu-demo");

    /** The SimSiam paper's CIFAR setting: ResNet-18, batch 512, 800 epochs, base lr 0.03. */
    public static TrainingConfig paper() {
        return new TrainingConfig("paper", "paper", 2048, true, 800, 512, 0.03, 0.9, 5e-4, false, 1.0, 0, 10, 0,
                "auto", 42L, null, true);
    }

    /** The study's setting: ResNet-18, batch 16, lr 0.05, 50 epochs. */
    public static TrainingConfig study() {
        return new TrainingConfig("study", "study", 2048, true, 50, 16, 0.05, 0.9, 5e-4, false, 1.0, 0, 1, 0,
                "auto", 42L, null, true);
    }

    /**
     * Sized for a 2-core machine without GPU, minutes rather than hours: ResNet-18 at 1/8 width (64-d features),
     * 5 epochs of a 25,000-image subset at batch 256 (485 steps), lr 0.15 (a base lr 5x the paper's 0.03: at the
     * paper's rate the short run drifts towards collapse even with stop-gradient; at 0.3 it loses kNN accuracy),
     * kNN every epoch against a 5,000-image memory bank on the full test set. Batch 256 rather than 64 because the
     * collapse std of a BatchNorm-centred batch can not fall below about 2/sqrt(B) of its healthy value: at 64 a
     * collapse would never cross the warning line. Measured numbers: docs/ARCHITECTURE.md.
     */
    public static TrainingConfig cpuDemo() {
        return new TrainingConfig("cpu-demo", "cpu-demo", 2048, true, 5, 256, 0.15, 0.9, 5e-4, false, 0.125, 25_000,
                1, 5_000, "auto", 42L, null, true);
    }

    public static TrainingConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "paper" -> paper();
            case "study" -> study();
            case "cpu-demo" -> cpuDemo();
            default -> throw new IllegalArgumentException(
                    "unknown preset '" + name + "': expected one of " + String.join(", ", PRESETS));
        };
    }

    /** The learning rate after linear scaling, before the cosine schedule. */
    public double scaledLr() {
        return baseLr * batchSize / 256.0;
    }

    /** Every problem with this config, worded for the user; empty when it can run. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            problems.add("run name must be non-empty and use only letters, digits, '.', '_' or '-'");
        }
        if (!LATENT_SIZES.contains(latentDim)) {
            problems.add("latent size must be one of 2048, 512, 128, 32 or 2 (was " + latentDim + ")");
        }
        if (epochs < 1) {
            problems.add("epochs must be at least 1 (was " + epochs + ")");
        }
        if (batchSize < 2) {
            problems.add("batch size must be at least 2: BatchNorm needs more than one image (was " + batchSize + ")");
        }
        if (!(baseLr > 0) || Double.isInfinite(baseLr)) {
            problems.add("base learning rate must be a positive number (was " + baseLr + ")");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            problems.add("momentum must be in [0, 1) (was " + momentum + ")");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            problems.add("weight decay must be zero or positive (was " + weightDecay + ")");
        }
        if (!(widthMultiplier > 0 && widthMultiplier <= 4)) {
            problems.add("width multiplier must be in (0, 4] (was " + widthMultiplier + ")");
        }
        if (trainSubset < 0 || trainSubset > 50_000) {
            problems.add("training subset must be 0 (all) or 1..50000 (was " + trainSubset + ")");
        } else if (trainSubset > 0 && trainSubset < batchSize) {
            problems.add("training subset (" + trainSubset + ") is smaller than one batch (" + batchSize + ")");
        }
        if (knnEvery < 0) {
            problems.add("kNN interval must be 0 (never) or positive (was " + knnEvery + ")");
        }
        if (knnTrainSubset < 0 || knnTrainSubset > 50_000) {
            problems.add("kNN memory bank must be 0 (all) or 1..50000 (was " + knnTrainSubset + ")");
        }
        if (device == null || !Set.of("auto", "cpu", "gpu").contains(device.toLowerCase(Locale.ROOT))) {
            problems.add("device must be auto, cpu or gpu (was " + device + ")");
        }
        return problems;
    }

    public TrainingConfig withName(String newName) {
        return new TrainingConfig(newName, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed,
                dataDir, verifyData);
    }

    public TrainingConfig withLatentDim(int d) {
        return new TrainingConfig(name, preset, d, stopGradient, epochs, batchSize, baseLr, momentum, weightDecay,
                fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withStopGradient(boolean on) {
        return new TrainingConfig(name, preset, latentDim, on, epochs, batchSize, baseLr, momentum, weightDecay,
                fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, n, batchSize, baseLr, momentum, weightDecay,
                fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withBatchSize(int n) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, n, baseLr, momentum, weightDecay,
                fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withBaseLr(double lr) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, lr, momentum, weightDecay,
                fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withDevice(String newDevice) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, newDevice, seed,
                dataDir, verifyData);
    }

    public TrainingConfig withData(String newDataDir, boolean verify) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed,
                newDataDir, verify);
    }

    public TrainingConfig withWidthMultiplier(double multiplier) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, multiplier, trainSubset, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withTrainSubset(int images) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, widthMultiplier, images, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withKnn(int everyEpochs, int memoryBankImages) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, widthMultiplier, trainSubset, everyEpochs, memoryBankImages, device,
                seed, dataDir, verifyData);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, newSeed,
                dataDir, verifyData);
    }

    public TrainingConfig withFixedPredictorLr(boolean fixed) {
        return new TrainingConfig(name, preset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixed, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed, dataDir,
                verifyData);
    }

    public TrainingConfig withPreset(String newPreset) {
        return new TrainingConfig(name, newPreset, latentDim, stopGradient, epochs, batchSize, baseLr, momentum,
                weightDecay, fixedPredictorLr, widthMultiplier, trainSubset, knnEvery, knnTrainSubset, device, seed,
                dataDir, verifyData);
    }
}
