package org.simsiamexplorer.service;

import org.simsiamexplorer.model.Gradients;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run on its own background thread: the epoch loop, pause/resume/stop at step boundaries, checkpoints at every
 * epoch end and on stop, the kNN and collapse monitors, and every event both to the listener and to the run
 * directory.
 */
final class TrainingRun implements TrainingSession {
    private static final long HEARTBEAT_MILLIS = 5_000;

    private final TrainingConfig config;
    private final RunDirectory run;
    private final TrainingListener listener;
    private final TrainingData data;
    private final KnnScorer knn;
    private final boolean resumeFromCheckpoint;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object control = new Object();
    private boolean pauseRequested;
    private boolean stopRequested;
    private volatile RunStatus status;
    private long lastStatusWrite;

    TrainingRun(TrainingConfig config, RunDirectory run, TrainingListener listener, TrainingData data, KnnScorer knn,
                boolean resumeFromCheckpoint) {
        this.config = config;
        this.run = run;
        this.listener = listener;
        this.data = data;
        this.knn = knn;
        this.resumeFromCheckpoint = resumeFromCheckpoint;
        this.status = RunStatus.of(RunState.IDLE, "starting", 0, 0);
    }

    void start() {
        Thread thread = new Thread(this::runGuarded, "simsiam-training-" + run.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void pause() {
        synchronized (control) {
            pauseRequested = true;
        }
    }

    @Override
    public void resume() {
        synchronized (control) {
            pauseRequested = false;
            control.notifyAll();
        }
    }

    @Override
    public void stop() {
        synchronized (control) {
            stopRequested = true;
            control.notifyAll();
        }
    }

    @Override
    public RunStatus status() {
        return status;
    }

    @Override
    public Path runDirectory() {
        return run.root();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    private void runGuarded() {
        try (FileChannel lockFile = FileChannel.open(run.root().resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                publishStatus(RunState.FAILED, "run " + run.name() + " is in use by another training process;"
                        + " stop that one first", 0, 0, false);
                return;
            }
            Gradients.disableGradModeOnThisThread();
            try (TrainingData ignored = data;
                 SimSiamTrainer trainer = new SimSiamTrainer(config, ComputeDevice.resolve(config.device()))) {
                train(trainer);
            }
        } catch (Throwable e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            publishStatus(RunState.FAILED, "training failed: " + reason, status.epoch(), status.step(), true);
        } finally {
            finished.countDown();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private void train(SimSiamTrainer trainer) throws IOException {
        CheckpointStore checkpoints = new CheckpointStore(run.checkpoints());
        TrainingPosition position = TrainingPosition.START;
        if (resumeFromCheckpoint) {
            Optional<TrainingPosition> restored = checkpoints.restoreLatest(trainer, config,
                    warning -> publishStatus(RunState.RUNNING, warning + "; trying an older one", 0, 0, true));
            position = restored.orElse(TrainingPosition.START);
        }
        int stepsPerEpoch = data.stepsPerEpoch();
        long totalSteps = (long) stepsPerEpoch * config.epochs();
        long globalStep = position.globalStep();
        String startMessage = resumeFromCheckpoint
                ? (globalStep > 0 ? "resumed at epoch " + (position.epoch() + 1) + ", step " + globalStep
                : "no usable checkpoint: starting from the beginning")
                : "training on " + trainerDevice(trainer);
        publishStatus(RunState.RUNNING, startMessage, position.epoch() + 1, globalStep, true);
        ProgressClock clock = new ProgressClock(totalSteps);
        if (globalStep == 0 && config.knnEvery() > 0) {
            recordUntrainedBaseline(trainer, clock);
        }
        for (int epoch = position.epoch(); epoch < config.epochs(); epoch++) {
            int firstStep = epoch == position.epoch() ? position.stepInEpoch() : 0;
            long epochStart = System.nanoTime();
            double lossSum = 0;
            double collapseSum = 0;
            int measured = 0;
            clock.restart();
            try (TrainingData.ViewBatches batches = data.epoch(epoch)) {
                for (int s = 0; s < stepsPerEpoch; s++) {
                    TrainingData.ViewPair batch = batches.next();
                    if (s < firstStep) {
                        continue; // the same data order as an uninterrupted run
                    }
                    if (!awaitPermissionToStep(epoch + 1, globalStep, clock)) {
                        Path saved = checkpoints.save(trainer, config, new TrainingPosition(epoch, s, globalStep));
                        publishStatus(RunState.STOPPED, "stopped at epoch " + (epoch + 1) + ", step " + globalStep
                                + "; checkpoint " + saved.getFileName() + " written; resume to continue",
                                epoch + 1, globalStep, true);
                        return;
                    }
                    double lr = trainer.lr(globalStep, totalSteps);
                    SimSiamTrainer.StepOutcome outcome = trainer.step(batch, lr,
                            trainer.predictorLr(globalStep, totalSteps));
                    if (!outcome.finite()) {
                        failOnNonFiniteLoss(outcome.loss(), epoch + 1, globalStep, checkpoints);
                        return;
                    }
                    globalStep++;
                    lossSum += outcome.loss();
                    collapseSum += outcome.collapseStd();
                    measured++;
                    clock.stepDone(batch.size());
                    StepMetrics step = new StepMetrics(epoch + 1, globalStep, s + 1, stepsPerEpoch, outcome.loss(),
                            lr, clock.imagesPerSecond(), clock.etaSeconds(globalStep), outcome.collapseStd());
                    run.appendStep(step);
                    notifyListener(() -> listener.onStep(step));
                    heartbeat(epoch + 1, globalStep);
                }
            }
            double knnTop1 = monitorKnn(trainer, epoch + 1, clock);
            EpochMetrics summary = new EpochMetrics(epoch + 1, measured == 0 ? Double.NaN : lossSum / measured,
                    measured == 0 ? Double.NaN : collapseSum / measured, collapseReference(), knnTop1,
                    (System.nanoTime() - epochStart) / 1e9);
            // summary first: a kill between the two repeats the epoch on resume (readers keep the later record)
            // instead of losing its summary
            run.appendEpoch(summary);
            checkpoints.save(trainer, config, new TrainingPosition(epoch + 1, 0, globalStep));
            notifyListener(() -> listener.onEpoch(summary));
        }
        publishStatus(RunState.FINISHED, "finished " + config.epochs() + " epochs", config.epochs(), globalStep, true);
    }

    /**
     * kNN accuracy of the randomly initialised encoder, recorded as epoch 0: random convolutional features already
     * score well above chance on CIFAR-10, so this is the line that training has to rise above.
     */
    private void recordUntrainedBaseline(SimSiamTrainer trainer, ProgressClock clock) throws IOException {
        long start = System.nanoTime();
        double knnTop1 = measureKnn(trainer, 0, clock);
        EpochMetrics baseline = new EpochMetrics(0, Double.NaN, Double.NaN, collapseReference(),
                knnTop1, (System.nanoTime() - start) / 1e9);
        run.appendEpoch(baseline);
        notifyListener(() -> listener.onEpoch(baseline));
    }

    /** The collapse std of a healthy representation: 1/sqrt(d). */
    private double collapseReference() {
        return 1 / Math.sqrt(config.latentDim());
    }

    private double monitorKnn(SimSiamTrainer trainer, int epochNumber, ProgressClock clock) throws IOException {
        boolean due = config.knnEvery() > 0
                && (epochNumber % config.knnEvery() == 0 || epochNumber == config.epochs());
        return due ? measureKnn(trainer, epochNumber, clock) : Double.NaN;
    }

    private double measureKnn(SimSiamTrainer trainer, int epochNumber, ProgressClock clock) throws IOException {
        long start = System.nanoTime();
        TrainingData.EvalImages bank = data.memoryBank();
        TrainingData.EvalImages test = data.testSet();
        float[] bankFeatures = trainer.features(bank);
        float[] testFeatures = trainer.features(test);
        int dim = trainer.featureSize();
        double top1 = knn.top1(bankFeatures, bank.labels(), testFeatures, test.labels(), dim);
        byte[] labels = new byte[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) test.labels()[i];
        }
        new FeatureSet(test.split(), epochNumber, test.size(), dim, test.datasetIndices(), testFeatures, labels)
                .write(run.features());
        clock.evaluationDone((System.nanoTime() - start) / 1e9, remainingEvaluations(epochNumber));
        return top1;
    }

    private int remainingEvaluations(int epochNumber) {
        int remaining = 0;
        for (int e = epochNumber + 1; e <= config.epochs(); e++) {
            if (e % config.knnEvery() == 0 || e == config.epochs()) {
                remaining++;
            }
        }
        return remaining;
    }

    private void failOnNonFiniteLoss(double loss, int epochNumber, long globalStep, CheckpointStore checkpoints)
            throws IOException {
        String kept = checkpoints.list().stream().findFirst().map(p -> "the last good checkpoint "
                + p.getFileName() + " is kept").orElse("no checkpoint had been written yet");
        publishStatus(RunState.FAILED, "loss became " + loss + " at epoch " + epochNumber + ", step "
                + (globalStep + 1) + "; the parameters were not updated and " + kept
                + ". Lower the learning rate (--lr) or check the data.", epochNumber, globalStep, true);
    }

    /** Blocks while paused; false when the run should stop. */
    private boolean awaitPermissionToStep(int epochNumber, long globalStep, ProgressClock clock) {
        boolean paused;
        synchronized (control) {
            paused = pauseRequested && !stopRequested;
        }
        if (paused) {
            publishStatus(RunState.PAUSED, "paused", epochNumber, globalStep, true);
            // keeps the heartbeat going while paused, so that a reader can tell a paused run from a dead one
            while (waitWhilePaused(HEARTBEAT_MILLIS)) {
                publishStatus(RunState.PAUSED, "paused", epochNumber, globalStep, false);
            }
            if (!isStopRequested()) {
                publishStatus(RunState.RUNNING, "running", epochNumber, globalStep, true);
            }
            clock.restart();
        }
        return !isStopRequested();
    }

    /** Waits up to {@code millis} for resume or stop; true while the run is still paused afterwards. */
    private boolean waitWhilePaused(long millis) {
        synchronized (control) {
            if (pauseRequested && !stopRequested) {
                try {
                    control.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            return pauseRequested && !stopRequested;
        }
    }

    private boolean isStopRequested() {
        synchronized (control) {
            return stopRequested;
        }
    }

    private void heartbeat(int epochNumber, long globalStep) {
        if (System.currentTimeMillis() - lastStatusWrite >= HEARTBEAT_MILLIS) {
            publishStatus(RunState.RUNNING, status.message(), epochNumber, globalStep, false);
        }
    }

    private void publishStatus(RunState state, String message, int epochNumber, long globalStep, boolean notify) {
        boolean changed = state != status.state() || !message.equals(status.message());
        status = RunStatus.of(state, message, epochNumber, globalStep);
        lastStatusWrite = status.updatedMillis();
        try {
            run.writeStatus(status);
        } catch (IOException e) {
            // the run goes on; the listener still hears about it
        }
        if (notify || changed) {
            RunStatus current = status;
            notifyListener(() -> listener.onStatus(current));
        }
    }

    private static String trainerDevice(SimSiamTrainer trainer) {
        return trainer.manager().getDevice().toString();
    }

    /** A listener's bug must not kill the run. */
    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // ignored on purpose: everything is also in the run directory
        }
    }
}
