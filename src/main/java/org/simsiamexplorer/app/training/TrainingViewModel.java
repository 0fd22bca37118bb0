package org.simsiamexplorer.app.training;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.StepMetrics;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingListener;
import org.simsiamexplorer.service.TrainingService;
import org.simsiamexplorer.service.TrainingSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The Training tab: the new-run form, the one run this window drives (start, pause, resume, stop, with a state
 * machine fed by the service's listener), the runs list, which runs the charts show, notices, and what closing the
 * window means while a run is active. Listener events arrive on the training thread and are coalesced into one UI
 * update at a time, so a fast run cannot flood the UI thread.
 */
public final class TrainingViewModel {
    private final TrainingService service;
    private final Executor background;
    private final Executor ui;
    private final NewRunViewModel form;
    private final RunsViewModel runs;
    private final ReadOnlyObjectWrapper<RunState> sessionState = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyStringWrapper sessionMessage = new ReadOnlyStringWrapper("No run started in this window.");
    private final ReadOnlyObjectWrapper<RunItem> activeRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<RunItem> shownRuns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunItem> focusedRun = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper chartsRevision = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunItem> selectionRequest = new ReadOnlyObjectWrapper<>();
    private final ChangeListener<Number> curvesChanged = (obs, old, now) -> bumpCharts();
    private final javafx.beans.InvalidationListener shownStateChanged = o -> updateResumeSelected();
    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canResumeSession;
    private final BooleanBinding canStop;
    private final ReadOnlyBooleanWrapper canResumeSelected = new ReadOnlyBooleanWrapper(false);
    private TrainingSession session;
    private LiveEvents events;
    private Runnable whenSessionEnds;

    public TrainingViewModel(TrainingService service, Executor background, Executor ui, FolderMemory memory,
                             LongSupplier clock) {
        this.service = service;
        this.background = background;
        this.ui = ui;
        this.runs = new RunsViewModel(background, ui, memory, clock, this::publish);
        this.form = new NewRunViewModel(name -> name != null && !name.isBlank()
                && (Files.exists(runs.folder().resolve(name)) || runs.names().contains(name)),
                LocalDateTime::now);
        BooleanBinding active = Bindings.createBooleanBinding(() -> sessionState.get().isActive(), sessionState);
        canStart = form.validProperty().and(active.not()).and(starting.not());
        canPause = Bindings.createBooleanBinding(() -> sessionState.get() == RunState.RUNNING, sessionState);
        canResumeSession = Bindings.createBooleanBinding(() -> sessionState.get() == RunState.PAUSED, sessionState);
        canStop = active;
        shownRuns.addListener((javafx.collections.ListChangeListener<RunItem>) change -> updateResumeSelected());
        sessionState.addListener(o -> updateResumeSelected());
        starting.addListener(o -> updateResumeSelected());
    }

    /** Starts a run from the form on the background executor. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        TrainingConfig config = form.config().orElseThrow();
        Path runsRoot = runs.folder();
        RunItem item = runs.itemForSession(runsRoot.resolve(config.name()), config);
        launch(item, "Starting " + config.name() + "…", listener -> service.start(config, runsRoot, listener));
        form.newName();
    }

    /** Resumes the selected stopped or interrupted run from its last checkpoint. */
    public void resumeSelected() {
        if (!canResumeSelected.get()) {
            return;
        }
        RunItem item = shownRuns.get(0);
        runs.itemForSession(item.folder(), item.config());
        launch(item, "Resuming " + item.name() + " from its last checkpoint…",
                listener -> service.resume(item.folder(), listener));
    }

    private interface Launch {
        TrainingSession run(TrainingListener listener) throws IOException;
    }

    private void launch(RunItem item, String message, Launch launch) {
        starting.set(true);
        sessionMessage.set(message);
        activeRun.set(item);
        LiveEvents live = new LiveEvents(item);
        events = live;
        show(List.of(item));
        selectionRequest.set(item);
        background.execute(() -> {
            try {
                TrainingSession started = launch.run(live);
                ui.execute(() -> {
                    starting.set(false);
                    live.drain();
                    if (!live.sawStatus) {
                        setSessionState(RunState.RUNNING, "Running " + item.name() + ".");
                    }
                    if (sessionState.get().isActive()) {
                        session = started;
                    }
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    starting.set(false);
                    String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                    setSessionState(RunState.FAILED, "Could not start " + item.name() + ": " + reason);
                    publish(new Notice(Notice.Kind.ERROR, item.name(), "could not start: " + reason));
                    runs.releaseSessionItem(item, !Files.exists(item.folder()));
                    events = null;
                    runs.poll();
                });
            }
        });
    }

    public void pause() {
        if (session != null && canPause.get()) {
            session.pause();
        }
    }

    public void resumeSession() {
        if (session != null && canResumeSession.get()) {
            session.resume();
        }
    }

    /** Asks the run to stop after the current step and checkpoint; the state follows the service's status. */
    public void stop() {
        if (session != null && canStop.get()) {
            sessionMessage.set("Stopping " + activeRun.get().name() + " after this step (writing a checkpoint)…");
            session.stop();
        }
    }

    /** Which runs the charts show: one run's curves, or two or more overlaid. */
    public void show(List<RunItem> items) {
        if (items.equals(shownRuns)) {
            return;
        }
        shownRuns.forEach(r -> {
            r.revisionProperty().removeListener(curvesChanged);
            r.resumableProperty().removeListener(shownStateChanged);
        });
        shownRuns.setAll(items);
        shownRuns.forEach(r -> {
            r.revisionProperty().addListener(curvesChanged);
            r.resumableProperty().addListener(shownStateChanged);
        });
        focusedRun.set(items.isEmpty() ? null : items.get(0));
        bumpCharts();
    }

    private void updateResumeSelected() {
        canResumeSelected.set(shownRuns.size() == 1 && shownRuns.get(0).resumableProperty().get()
                && shownRuns.get(0).config() != null && !sessionState.get().isActive() && !starting.get());
    }

    /** Re-reads the runs folder; also catches the end of our own run when the listener missed it. */
    public void poll() {
        runs.poll();
        RunItem item = activeRun.get();
        if (item != null && sessionState.get().isActive() && item.stateProperty().get().isTerminal()) {
            setSessionState(item.stateProperty().get(), item.name() + ": " + item.statusTextProperty().get());
        }
        updateResumeSelected();
    }

    private void bumpCharts() {
        chartsRevision.set(chartsRevision.get() + 1);
    }

    private void publish(Notice newNotice) {
        notice.set(newNotice);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** True when closing the window needs the user's decision, because a run is active. */
    public boolean closeNeedsDecision() {
        return sessionState.get().isActive() || starting.get();
    }

    /**
     * Carries out the user's choice on closing. Returns true when the window may go away now; {@code exitWhenDone}
     * then runs on the UI thread once the active run has ended (at once when there is none).
     */
    public boolean close(CloseChoice choice, Runnable exitWhenDone) {
        if (!closeNeedsDecision()) {
            exitWhenDone.run();
            return true;
        }
        switch (choice) {
            case CANCEL:
                return false;
            case STOP_CLEANLY:
                whenSessionEnds = exitWhenDone; // before stop(): the session may end within the call
                stop();
                return true;
            case KEEP_TRAINING:
            default:
                whenSessionEnds = exitWhenDone;
                return true;
        }
    }

    private void setSessionState(RunState state, String message) {
        sessionState.set(state);
        sessionMessage.set(message);
        if (state.isTerminal()) {
            RunItem item = activeRun.get();
            if (item != null) {
                runs.releaseSessionItem(item, false);
            }
            session = null;
            Runnable exit = whenSessionEnds;
            whenSessionEnds = null;
            if (exit != null) {
                exit.run();
            }
        }
        updateResumeSelected();
    }

    /** Collects listener calls from the training thread and applies them on the UI thread in batches. */
    private final class LiveEvents implements TrainingListener {
        private final RunItem item;
        private final Queue<StepMetrics> steps = new ConcurrentLinkedQueue<>();
        private final Queue<EpochMetrics> epochs = new ConcurrentLinkedQueue<>();
        private final AtomicReference<RunStatus> status = new AtomicReference<>();
        private final AtomicBoolean drainScheduled = new AtomicBoolean(false);
        private boolean sawStatus;

        LiveEvents(RunItem item) {
            this.item = item;
        }

        @Override
        public void onStep(StepMetrics step) {
            steps.add(step);
            schedule();
        }

        @Override
        public void onEpoch(EpochMetrics epoch) {
            epochs.add(epoch);
            schedule();
        }

        @Override
        public void onStatus(RunStatus newStatus) {
            status.set(newStatus);
            schedule();
        }

        private void schedule() {
            if (drainScheduled.compareAndSet(false, true)) {
                ui.execute(this::drain);
            }
        }

        void drain() {
            drainScheduled.set(false);
            if (events != this) {
                return; // a newer session took over
            }
            List<StepMetrics> newSteps = new ArrayList<>();
            for (StepMetrics s; (s = steps.poll()) != null; ) {
                newSteps.add(s);
            }
            List<EpochMetrics> newEpochs = new ArrayList<>();
            for (EpochMetrics e; (e = epochs.poll()) != null; ) {
                newEpochs.add(e);
            }
            RunStatus newStatus = status.getAndSet(null);
            item.applyLive(newSteps, newEpochs, newStatus, runs.now()).forEach(TrainingViewModel.this::publish);
            if (newStatus != null && newStatus.state() != null) {
                sawStatus = true;
                setSessionState(newStatus.state(), message(newStatus));
            }
        }

        private String message(RunStatus s) {
            String detail = s.message() == null || s.message().isBlank() ? "" : ": " + s.message();
            return switch (s.state()) {
                case IDLE -> item.name() + " is preparing" + detail;
                case RUNNING -> "Running " + item.name() + detail;
                case PAUSED -> "Paused " + item.name() + detail;
                case STOPPED -> "Stopped " + item.name() + " (resumable)" + detail;
                case FINISHED -> "Finished " + item.name() + detail;
                case FAILED -> item.name() + " failed" + detail;
            };
        }
    }

    public NewRunViewModel form() {
        return form;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<RunState> sessionStateProperty() {
        return sessionState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionMessageProperty() {
        return sessionMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunItem> activeRunProperty() {
        return activeRun.getReadOnlyProperty();
    }

    public ObservableList<RunItem> shownRuns() {
        return FXCollections.unmodifiableObservableList(shownRuns);
    }

    public ReadOnlyObjectProperty<RunItem> focusedRunProperty() {
        return focusedRun.getReadOnlyProperty();
    }

    /** Increases whenever the shown runs change or gain data. */
    public ReadOnlyIntegerProperty chartsRevisionProperty() {
        return chartsRevision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The run the view should select in the list (a run just started or resumed). */
    public ReadOnlyObjectProperty<RunItem> selectionRequestProperty() {
        return selectionRequest.getReadOnlyProperty();
    }

    public javafx.beans.value.ObservableBooleanValue canStartProperty() {
        return canStart;
    }

    public javafx.beans.value.ObservableBooleanValue canPauseProperty() {
        return canPause;
    }

    public javafx.beans.value.ObservableBooleanValue canResumeSessionProperty() {
        return canResumeSession;
    }

    public javafx.beans.value.ObservableBooleanValue canStopProperty() {
        return canStop;
    }

    public ReadOnlyBooleanProperty canResumeSelectedProperty() {
        return canResumeSelected.getReadOnlyProperty();
    }
}
