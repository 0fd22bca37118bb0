package org.simsiamexplorer.app.training;

import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.StepMetrics;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingListener;
import org.simsiamexplorer.service.TrainingService;
import org.simsiamexplorer.service.TrainingSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A training service without a model: sessions emit the events a test tells them to (or, in {@link #autoRun} mode,
 * a short synthetic run on their own thread), and write them to the run directory like the real service does.
 */
final class FakeTrainingService implements TrainingService {
    final List<Session> sessions = new ArrayList<>();
    final List<Path> resumed = new ArrayList<>();
    IOException failNextStart;
    /** When positive, each session trains this many steps per epoch on its own thread, sleeping between steps. */
    int autoRunStepsPerEpoch;
    long autoRunStepMillis = 2;

    @Override
    public synchronized TrainingSession start(TrainingConfig config, Path runsRoot, TrainingListener listener)
            throws IOException {
        if (failNextStart != null) {
            IOException failure = failNextStart;
            failNextStart = null;
            throw failure;
        }
        if (!config.validate().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", config.validate()));
        }
        return begin(RunDirectory.create(runsRoot, config), config, listener);
    }

    @Override
    public synchronized TrainingSession resume(Path runDirectory, TrainingListener listener) throws IOException {
        resumed.add(runDirectory);
        RunDirectory run = new RunDirectory(runDirectory);
        return begin(run, run.readConfig(), listener);
    }

    private Session begin(RunDirectory run, TrainingConfig config, TrainingListener listener) {
        Session session = new Session(run, config, listener);
        sessions.add(session);
        session.publish(RunState.RUNNING, "running");
        if (autoRunStepsPerEpoch > 0) {
            session.auto = true;
            Thread thread = new Thread(() -> session.autoRun(autoRunStepsPerEpoch, autoRunStepMillis), "fake-training");
            thread.setDaemon(true);
            thread.start();
        }
        return session;
    }

    Session last() {
        return sessions.get(sessions.size() - 1);
    }

    static final class Session implements TrainingSession {
        private final RunDirectory run;
        private final TrainingConfig config;
        private final TrainingListener listener;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile RunStatus status;
        private volatile boolean pauseRequested;
        private volatile boolean stopRequested;
        private volatile boolean auto;
        private long step;
        int stopCalls;

        Session(RunDirectory run, TrainingConfig config, TrainingListener listener) {
            this.run = run;
            this.config = config;
            this.listener = listener;
        }

        /** Emits one step (and writes it) as the real service would. */
        synchronized void step(int epoch, int stepInEpoch, int stepsPerEpoch, double loss) {
            step++;
            StepMetrics metrics = new StepMetrics(epoch, step, stepInEpoch, stepsPerEpoch, loss, 0.05, 500, 12, 0.02);
            write(() -> run.appendStep(metrics));
            listener.onStep(metrics);
        }

        void epoch(int epoch, double collapseStd, double knn) {
            EpochMetrics metrics = new EpochMetrics(epoch, -0.5, collapseStd, 1 / Math.sqrt(config.latentDim()), knn,
                    3.0);
            write(() -> run.appendEpoch(metrics));
            listener.onEpoch(metrics);
        }

        void finish() {
            publish(RunState.FINISHED, "finished " + config.epochs() + " epochs");
        }

        void fail(String reason) {
            publish(RunState.FAILED, reason);
        }

        void publish(RunState state, String message) {
            status = RunStatus.of(state, message, 1, step);
            write(() -> run.writeStatus(status));
            listener.onStatus(status);
            if (state.isTerminal()) {
                done.countDown();
            }
        }

        void autoRun(int stepsPerEpoch, long stepMillis) {
            try {
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    for (int s = 1; s <= stepsPerEpoch; s++) {
                        while (pauseRequested && !stopRequested) {
                            Thread.sleep(5);
                        }
                        if (stopRequested) {
                            publish(RunState.STOPPED, "stopped; checkpoint written");
                            return;
                        }
                        step(epoch, s, stepsPerEpoch, -0.2 - 0.6 * (1 - Math.exp(-step / 50.0)));
                        Thread.sleep(stepMillis);
                    }
                    epoch(epoch, 0.02, 0.2 + 0.05 * epoch);
                }
                finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void pause() {
            pauseRequested = true;
            if (!isAuto()) {
                publish(RunState.PAUSED, "paused");
            }
        }

        @Override
        public void resume() {
            pauseRequested = false;
            if (!isAuto()) {
                publish(RunState.RUNNING, "running");
            }
        }

        @Override
        public void stop() {
            stopCalls++;
            stopRequested = true;
            if (!isAuto()) {
                publish(RunState.STOPPED, "stopped; checkpoint written");
            }
        }

        private boolean isAuto() {
            return auto;
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
            return done.await(timeout, unit);
        }

        private interface Write {
            void run() throws IOException;
        }

        private static void write(Write write) {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
