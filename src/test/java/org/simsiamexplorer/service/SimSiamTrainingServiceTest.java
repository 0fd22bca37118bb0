package org.simsiamexplorer.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimSiamTrainingServiceTest {
    /** Generous: only reached when something is wrong, and the test machine is shared with other jobs. */
    private static final long TIMEOUT_SECONDS = 300;
    private static final KnnScorer FIXED_KNN = (bank, bankLabels, test, testLabels, dim) -> 0.42;

    @TempDir
    Path runs;

    private final TinyRuns.Recorder recorder = new TinyRuns.Recorder();
    private final java.util.List<TrainingSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A failed test must not leave its run training into the next test. */
    @org.junit.jupiter.api.AfterEach
    void stopEverySession() throws InterruptedException {
        for (TrainingSession session : sessions) {
            session.stop();
            session.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private TrainingSession started(TrainingSession session) {
        sessions.add(session);
        return session;
    }

    @Test
    void aFinishedRunLeavesConfigStatusMetricsCheckpointsAndFeatures() throws Exception {
        SimSiamTrainingService service = new SimSiamTrainingService(SyntheticTrainingData.factory(3), FIXED_KNN);
        TrainingSession session = started(service.start(TinyRuns.config("files", 2), runs, recorder));
        assertTrue(session.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        RunDirectory run = new RunDirectory(runs.resolve("files"));
        assertEquals(RunState.FINISHED, run.readStatus().orElseThrow().state(), session.status().message());
        assertEquals(TinyRuns.config("files", 2), run.readConfig());
        RunDirectory.Metrics metrics = run.readMetrics();
        assertEquals(6, metrics.steps().size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), metrics.steps().stream().map(StepMetrics::step).toList());
        assertEquals(List.of(0, 1, 2), metrics.epochs().stream().map(EpochMetrics::epoch).toList());
        EpochMetrics last = metrics.epochs().get(2);
        assertEquals(0.42, last.knnTop1());
        assertEquals(1 / Math.sqrt(32), last.collapseReference(), 1e-12);
        assertTrue(last.collapseStd() > 0 && last.collapseStd() < 1, "collapse std " + last.collapseStd());
        FeatureSet features = FeatureSet.read(run.features(), FeatureSet.stem("test", 2));
        assertEquals(12, features.rows());
        assertEquals(32, features.dim());
        assertFalse(new CheckpointStore(run.checkpoints()).list().isEmpty());
        assertEquals(recorder.steps, metrics.steps());
    }

    @Test
    void aNewRunFirstRecordsTheUntrainedEncodersKnnAccuracyAsEpochZero() throws Exception {
        SimSiamTrainingService service = new SimSiamTrainingService(SyntheticTrainingData.factory(3), FIXED_KNN);
        TrainingSession session = started(service.start(TinyRuns.config("baseline", 1), runs, recorder));
        assertTrue(session.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        EpochMetrics first = new RunDirectory(runs.resolve("baseline")).readMetrics().epochs().get(0);
        assertTrue(first.isUntrainedBaseline());
        assertEquals(0.42, first.knnTop1());
        assertTrue(Double.isNaN(first.meanLoss()), "no loss before the first step");
        assertEquals(first, recorder.epochs.get(0));
    }

    @Test
    void aResumedRunContinuesTheScheduleOfAnUninterruptedOne() throws Exception {
        SimSiamTrainingService service = new SimSiamTrainingService(SyntheticTrainingData.factory(4), FIXED_KNN);
        TrainingSession straight = started(service.start(TinyRuns.config("straight", 2), runs, recorder));
        assertTrue(straight.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        TinyRuns.Recorder interrupted = new TinyRuns.Recorder();
        AtomicReference<TrainingSession> toStop = new AtomicReference<>();
        TrainingListener stopAfterFive = new TrainingListener() {
            @Override
            public void onStep(StepMetrics step) {
                interrupted.onStep(step);
                if (step.step() == 5) {
                    toStop.get().stop();
                }
            }
        };
        toStop.set(started(service.start(TinyRuns.config("interrupted", 2), runs, stopAfterFive)));
        assertTrue(toStop.get().awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(RunState.STOPPED, toStop.get().status().state(), toStop.get().status().message());
        assertEquals(5, interrupted.steps.size());

        TrainingSession resumed = started(service.resume(runs.resolve("interrupted"), interrupted));
        assertTrue(resumed.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(RunState.FINISHED, resumed.status().state(), resumed.status().message());

        assertEquals(recorder.steps.stream().map(s -> s.step() + "@" + s.epoch() + ":" + s.stepInEpoch()).toList(),
                interrupted.steps.stream().map(s -> s.step() + "@" + s.epoch() + ":" + s.stepInEpoch()).toList());
        for (int i = 0; i < recorder.steps.size(); i++) {
            assertEquals(recorder.steps.get(i).lr(), interrupted.steps.get(i).lr(), 1e-15, "lr of step " + (i + 1));
            assertEquals(recorder.steps.get(i).loss(), interrupted.steps.get(i).loss(), 1e-4,
                    "loss of step " + (i + 1) + ": weights, BN statistics and momentum must all be restored");
        }
    }

    @Test
    void aNonFiniteLossFailsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
        TrainingDataFactory poisonSecondEpoch = config -> new SyntheticTrainingData(config.seed(), config.batchSize(),
                3, (epoch, step) -> epoch == 1 && step == 1, 0);
        SimSiamTrainingService service = new SimSiamTrainingService(poisonSecondEpoch, FIXED_KNN);
        TrainingSession session = started(service.start(TinyRuns.config("nan", 3), runs, recorder));
        assertTrue(session.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        RunStatus status = session.status();
        assertEquals(RunState.FAILED, status.state());
        assertTrue(status.message().contains("loss became NaN at epoch 2, step 5"), status.message());
        assertTrue(status.message().contains("step-0000000003.ckpt is kept"), status.message());
        CheckpointStore store = new CheckpointStore(runs.resolve("nan").resolve(RunDirectory.CHECKPOINTS));
        assertEquals(List.of("step-0000000003.ckpt"),
                store.list().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(RunState.FAILED, new RunDirectory(runs.resolve("nan")).readStatus().orElseThrow().state());
    }

    @Test
    void pauseHoldsTheRunUntilResumeAndStopEndsItWithACheckpoint() throws Exception {
        TrainingSession session = startedSlowRun("controls");
        awaitCondition(() -> recorder.steps.size() >= 2);
        assertEquals(RunState.RUNNING, session.status().state());

        session.pause();
        awaitCondition(() -> session.status().state() == RunState.PAUSED);
        int stepsWhenPaused = recorder.steps.size();
        Thread.sleep(300);
        assertEquals(stepsWhenPaused, recorder.steps.size(), "no steps while paused");

        session.resume();
        awaitCondition(() -> recorder.steps.size() >= stepsWhenPaused + 2);
        assertEquals(RunState.RUNNING, session.status().state());

        session.stop();
        assertTrue(session.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertEquals(RunState.STOPPED, session.status().state());
        assertEquals(List.of(RunState.RUNNING, RunState.PAUSED, RunState.STOPPED),
                recorder.states());
        assertEquals(1, new CheckpointStore(runs.resolve("controls").resolve(RunDirectory.CHECKPOINTS)).list().size());
    }

    @Test
    void aPausedRunKeepsItsHeartbeatSoReadersCanTellItFromADeadOne() throws Exception {
        TrainingSession session = startedSlowRun("heartbeat");
        awaitCondition(() -> recorder.steps.size() >= 1);
        session.pause();
        awaitCondition(() -> session.status().state() == RunState.PAUSED);
        RunDirectory run = new RunDirectory(runs.resolve("heartbeat"));
        long pausedAt = run.readStatus().orElseThrow().updatedMillis();

        awaitCondition(() -> lastUpdate(run) > pausedAt);
        assertEquals(RunState.PAUSED, run.readStatus().orElseThrow().state());
        session.stop();
        assertTrue(session.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void anExistingRunNameIsRefusedAndItsFilesStayUntouched() throws Exception {
        SimSiamTrainingService service = new SimSiamTrainingService(SyntheticTrainingData.factory(1), FIXED_KNN);
        assertTrue(started(service.start(TinyRuns.config("taken", 1), runs, recorder))
                .awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        byte[] metricsBefore = Files.readAllBytes(runs.resolve("taken").resolve(RunDirectory.METRICS));

        IOException e = assertThrows(IOException.class,
                () -> started(service.start(TinyRuns.config("taken", 1).withBatchSize(4), runs, recorder)));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(8, new RunDirectory(runs.resolve("taken")).readConfig().batchSize());
        assertEquals(List.of(metricsBefore.length),
                List.of(Files.readAllBytes(runs.resolve("taken").resolve(RunDirectory.METRICS)).length));
    }

    @Test
    void anInvalidConfigIsRefusedBeforeAnythingIsWritten() {
        SimSiamTrainingService service = new SimSiamTrainingService(SyntheticTrainingData.factory(1), FIXED_KNN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> started(service.start(TinyRuns.config("bad", 1).withLatentDim(100).withBatchSize(1), runs,
                        recorder)));
        assertTrue(e.getMessage().contains("latent size") && e.getMessage().contains("batch size"), e.getMessage());
        assertFalse(Files.exists(runs.resolve("bad")));
    }

    @Test
    void missingDataIsReportedBeforeTheRunDirectoryIsCreated() {
        TrainingDataFactory missing = config -> {
            throw new IOException("CIFAR-10 folder /nowhere does not exist");
        };
        SimSiamTrainingService service = new SimSiamTrainingService(missing, FIXED_KNN);
        IOException e = assertThrows(IOException.class,
                () -> started(service.start(TinyRuns.config("nodata", 1), runs, recorder)));
        assertTrue(e.getMessage().contains("/nowhere"), e.getMessage());
        assertFalse(Files.exists(runs.resolve("nodata")));
    }

    @Test
    void aFinishedRunCannotBeResumed() throws Exception {
        SimSiamTrainingService service = new SimSiamTrainingService(SyntheticTrainingData.factory(1), FIXED_KNN);
        assertTrue(started(service.start(TinyRuns.config("done", 1), runs, recorder))
                .awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        IOException e = assertThrows(IOException.class,
                () -> started(service.resume(runs.resolve("done"), recorder)));
        assertTrue(e.getMessage().contains("already finished"), e.getMessage());
    }

    /** A run of 1,000 steps of 20 ms each: long enough to pause, resume and stop while it runs. */
    private TrainingSession startedSlowRun(String name) throws Exception {
        TrainingDataFactory slow = config -> new SyntheticTrainingData(config.seed(), config.batchSize(), 1000,
                (e, s) -> false, 20);
        return started(new SimSiamTrainingService(slow, FIXED_KNN).start(TinyRuns.config(name, 1), runs, recorder));
    }

    private static long lastUpdate(RunDirectory run) {
        try {
            return run.readStatus().map(RunStatus::updatedMillis).orElse(-1L);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_SECONDS * 1000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not reached within " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(10);
        }
    }
}
