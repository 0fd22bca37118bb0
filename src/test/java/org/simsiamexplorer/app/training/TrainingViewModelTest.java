package org.simsiamexplorer.app.training;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.TrainingConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tab's state machine driven by a fake service, everything on the test thread. */
class TrainingViewModelTest {
    @TempDir
    Path runsRoot;
    private final FakeTrainingService service = new FakeTrainingService();
    private TrainingViewModel viewModel;

    @BeforeEach
    void createViewModel() {
        FolderMemory memory = FolderMemory.inMemory();
        memory.save(runsRoot);
        viewModel = new TrainingViewModel(service, Runnable::run, Runnable::run, memory, System::currentTimeMillis);
    }

    private FakeTrainingService.Session startRun() {
        viewModel.start();
        return service.last();
    }

    @Test
    void startIsPossibleWithTheDefaultFormAndNothingRunning() {
        assertEquals(RunState.IDLE, viewModel.sessionStateProperty().get());
        assertTrue(viewModel.canStartProperty().get());
        assertFalse(viewModel.canPauseProperty().get());
        assertFalse(viewModel.canStopProperty().get());
    }

    /** Each row: actions applied in order after Start, the state reached, and which buttons are enabled then. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'',                   RUNNING,  false, true,  false, true",
            "pause,                PAUSED,   false, false, true,  true",
            "pause resume,         RUNNING,  false, true,  false, true",
            "stop,                 STOPPED,  true,  false, false, false",
            "pause stop,           STOPPED,  true,  false, false, false",
            "finish,               FINISHED, true,  false, false, false",
            "fail,                 FAILED,   true,  false, false, false",
    })
    void sessionStateMachine(String actions, RunState expected, boolean canStart, boolean canPause,
                             boolean canResume, boolean canStop) {
        FakeTrainingService.Session session = startRun();
        for (String action : actions.trim().isEmpty() ? new String[0] : actions.trim().split(" ")) {
            switch (action) {
                case "pause" -> viewModel.pause();
                case "resume" -> viewModel.resumeSession();
                case "stop" -> viewModel.stop();
                case "finish" -> session.finish();
                case "fail" -> session.fail("loss became NaN");
                default -> throw new IllegalArgumentException(action);
            }
        }
        assertEquals(expected, viewModel.sessionStateProperty().get());
        assertEquals(canStart, viewModel.canStartProperty().get(), "can start");
        assertEquals(canPause, viewModel.canPauseProperty().get(), "can pause");
        assertEquals(canResume, viewModel.canResumeSessionProperty().get(), "can resume");
        assertEquals(canStop, viewModel.canStopProperty().get(), "can stop");
    }

    @Test
    void startCreatesTheRunUnderTheChosenFolderAndShowsIt() {
        String name = viewModel.form().nameProperty().get();
        startRun();
        assertTrue(RunDirectory.isRun(runsRoot.resolve(name)));
        RunItem active = viewModel.activeRunProperty().get();
        assertEquals(name, active.name());
        assertEquals(List.of(active), viewModel.shownRuns());
        assertTrue(viewModel.runs().runs().contains(active));
        assertFalse(name.equals(viewModel.form().nameProperty().get()), "the form offers a fresh name");
    }

    @Test
    void metricsFromTheServiceAppendToTheActiveRunsCurves() {
        FakeTrainingService.Session session = startRun();
        int revisionBefore = viewModel.chartsRevisionProperty().get();
        session.step(1, 1, 4, -0.1);
        session.step(1, 2, 4, -0.3);
        session.step(1, 3, 4, -0.5);
        session.epoch(1, 0.02, 0.31);
        RunItem active = viewModel.activeRunProperty().get();
        assertEquals(3, active.curves().rawLoss().size());
        assertEquals(-0.5, active.curves().rawLoss().lastY());
        assertEquals(1, active.curves().collapseStd().size());
        assertEquals("31.0 %", active.bestKnnTextProperty().get());
        assertEquals("epoch 1 / 5 · step 3 / 4", active.progressTextProperty().get());
        assertEquals(3.0 / (5 * 4), active.progressProperty().get(), 1e-9);
        assertTrue(viewModel.chartsRevisionProperty().get() > revisionBefore, "charts are told to redraw");
    }

    @Test
    void finishingARunPostsANotice() {
        startRun().finish();
        Notice notice = viewModel.noticeProperty().get();
        assertNotNull(notice);
        assertEquals(Notice.Kind.INFO, notice.kind());
        assertTrue(notice.message().startsWith("finished"), notice.message());
    }

    @Test
    void aPollThatReadTheFileBeforeTheRunFinishedDoesNotUndoIt() throws IOException {
        FakeTrainingService.Session session = startRun();
        RunDirectory run = new RunDirectory(session.runDirectory());
        RunStatus runningEarlier = new RunStatus(RunState.RUNNING, "running", 1, 3, System.currentTimeMillis() - 1_000);
        List<Notice> notices = new java.util.ArrayList<>();
        viewModel.noticeProperty().addListener((obs, old, now) -> notices.add(now));
        session.finish();
        run.writeStatus(runningEarlier); // what a poll started just before the end would still see
        viewModel.poll();
        RunItem item = viewModel.activeRunProperty().get();
        assertEquals(RunState.FINISHED, item.stateProperty().get());
        assertEquals("finished", item.statusTextProperty().get());
        assertEquals(1, notices.size(), "one 'finished' notice, not two");
    }

    @Test
    void failingRunNoticeCarriesTheReason() {
        startRun().fail("loss became NaN at epoch 2; lower the learning rate");
        Notice notice = viewModel.noticeProperty().get();
        assertEquals(Notice.Kind.ERROR, notice.kind());
        assertTrue(notice.message().contains("loss became NaN at epoch 2"), notice.message());
        assertTrue(viewModel.sessionMessageProperty().get().contains("loss became NaN"));
    }

    @Test
    void collapsedEpochPostsAWarningOnceAndFlagsTheRun() {
        FakeTrainingService.Session session = startRun();
        double reference = 1 / Math.sqrt(2048);
        session.epoch(1, reference / 2, 0.2);
        assertEquals(null, viewModel.noticeProperty().get(), "half the reference is not collapse");
        session.epoch(2, reference / 10, 0.1);
        Notice notice = viewModel.noticeProperty().get();
        assertEquals(Notice.Kind.WARNING, notice.kind());
        assertTrue(notice.message().contains("collapsed at epoch 2"), notice.message());
        assertTrue(viewModel.activeRunProperty().get().collapsedProperty().get());
        viewModel.dismissNotice();
        session.epoch(3, reference / 20, 0.1);
        assertEquals(null, viewModel.noticeProperty().get(), "still collapsed is not news");
    }

    @Test
    void aServiceThatRefusesToStartLeavesAFailedStateWithTheReason() {
        service.failNextStart = new IOException("no CIFAR-10 found in /data");
        viewModel.start();
        assertEquals(RunState.FAILED, viewModel.sessionStateProperty().get());
        assertTrue(viewModel.sessionMessageProperty().get().contains("no CIFAR-10 found in /data"));
        assertEquals(Notice.Kind.ERROR, viewModel.noticeProperty().get().kind());
        assertTrue(viewModel.runs().runs().isEmpty(), "no run folder was created, so none is listed");
        assertTrue(viewModel.canStartProperty().get());
    }

    @Test
    void invalidFormDisablesStart() {
        viewModel.form().epochsProperty().set("zero");
        assertFalse(viewModel.canStartProperty().get());
        viewModel.start();
        assertTrue(service.sessions.isEmpty());
    }

    @Test
    void closingWithoutAnActiveRunNeedsNoDecision() {
        AtomicInteger exits = new AtomicInteger();
        assertFalse(viewModel.closeNeedsDecision());
        assertTrue(viewModel.close(CloseChoice.CANCEL, exits::incrementAndGet));
        assertEquals(1, exits.get());
    }

    @Test
    void cancellingCloseKeepsTheWindowAndTheRun() {
        startRun();
        AtomicInteger exits = new AtomicInteger();
        assertTrue(viewModel.closeNeedsDecision());
        assertFalse(viewModel.close(CloseChoice.CANCEL, exits::incrementAndGet));
        assertEquals(RunState.RUNNING, viewModel.sessionStateProperty().get());
        assertEquals(0, exits.get());
    }

    @Test
    void keepTrainingHidesTheWindowAndExitsOnlyWhenTheRunIsDone() {
        FakeTrainingService.Session session = startRun();
        AtomicInteger exits = new AtomicInteger();
        assertTrue(viewModel.close(CloseChoice.KEEP_TRAINING, exits::incrementAndGet));
        session.step(1, 1, 4, -0.2);
        assertEquals(0, exits.get(), "still training");
        assertEquals(0, session.stopCalls);
        session.finish();
        assertEquals(1, exits.get());
    }

    @Test
    void stopCleanlyAsksForACheckpointAndExitsWhenStopped() {
        FakeTrainingService.Session session = startRun();
        AtomicInteger exits = new AtomicInteger();
        assertTrue(viewModel.close(CloseChoice.STOP_CLEANLY, exits::incrementAndGet));
        assertEquals(1, session.stopCalls);
        assertEquals(RunState.STOPPED, viewModel.sessionStateProperty().get());
        assertEquals(1, exits.get());
    }

    @Test
    void aStoppedRunSelectedInTheListCanBeResumed() throws IOException {
        TrainingConfig config = TrainingConfig.cpuDemo().withName("old-run");
        RunDirectory run = RunDirectory.create(runsRoot, config);
        run.writeStatus(RunStatus.of(RunState.STOPPED, "stopped at epoch 2", 2, 80));
        viewModel.poll();
        RunItem item = viewModel.runs().runs().get(0);
        viewModel.show(List.of(item));
        assertTrue(viewModel.canResumeSelectedProperty().get());
        viewModel.resumeSelected();
        assertEquals(List.of(run.root()), service.resumed);
        assertSame(item, viewModel.activeRunProperty().get());
        assertEquals(RunState.RUNNING, viewModel.sessionStateProperty().get());
        assertFalse(viewModel.canResumeSelectedProperty().get(), "one run at a time");
    }

    @Test
    void aFinishedRunCannotBeResumed() throws IOException {
        RunDirectory run = RunDirectory.create(runsRoot, TrainingConfig.cpuDemo().withName("done"));
        run.writeStatus(RunStatus.of(RunState.FINISHED, "finished 5 epochs", 5, 400));
        viewModel.poll();
        viewModel.show(List.of(viewModel.runs().runs().get(0)));
        assertFalse(viewModel.canResumeSelectedProperty().get());
    }

    @Test
    void selectingSeveralRunsOverlaysThem() throws IOException {
        RunDirectory.create(runsRoot, TrainingConfig.cpuDemo().withName("sg-on"));
        RunDirectory.create(runsRoot, TrainingConfig.cpuDemo().withName("sg-off").withStopGradient(false));
        viewModel.poll();
        viewModel.show(List.copyOf(viewModel.runs().runs()));
        assertEquals(List.of("sg-off", "sg-on"), viewModel.shownRuns().stream().map(RunItem::name).toList());
        assertEquals("sg-off", viewModel.focusedRunProperty().get().name());
    }
}
