package org.simsiamexplorer.app.training;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.RunStatus;
import org.simsiamexplorer.service.StepMetrics;
import org.simsiamexplorer.service.TrainingConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One run directory as the runs list and the charts see it: status, config summary, best kNN, progress and all its
 * curves. Updated on the UI thread, from the live listener of a run this app started or from polls of the folder.
 */
public final class RunItem {
    /** A RUNNING run that wrote nothing for this long is taken to be dead (its process was killed). */
    static final long STALE_AFTER_MILLIS = 2 * 60 * 1000;

    private final Path folder;
    private final RunCurves curves = new RunCurves();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("no status yet");
    private final ReadOnlyStringWrapper configSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bestKnnText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyBooleanWrapper resumable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper collapsed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper collapseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private TrainingConfig config;
    private RunStatus status;
    private boolean ownedBySession;
    private boolean loaded;
    private boolean interrupted;

    RunItem(Path folder) {
        this.folder = folder;
    }

    /** Applies one poll of the folder; returns what the user should be told about (only for changes seen live). */
    List<Notice> applySnapshot(RunSnapshot snapshot, long nowMillis) {
        if (snapshot.config() != null) {
            setConfig(snapshot.config());
        }
        List<Notice> notices = new ArrayList<>();
        boolean wasCollapsed = curves.collapsed();
        RunState before = state.get();
        appendMetrics(snapshot.newMetrics().steps(), snapshot.newMetrics().epochs());
        if (snapshot.status() != null) {
            applyStatus(snapshot.status(), nowMillis, snapshot.lastActivityMillis());
        }
        if (snapshot.problem() != null && snapshot.config() == null) {
            statusText.set("unreadable: " + snapshot.problem());
        }
        if (loaded) {
            notices.addAll(changes(before, wasCollapsed));
        }
        loaded = true;
        return notices;
    }

    /** Applies live events of a run this app drives; returns notices for what changed. */
    List<Notice> applyLive(List<StepMetrics> steps, List<EpochMetrics> epochs, RunStatus newStatus, long nowMillis) {
        boolean wasCollapsed = curves.collapsed();
        RunState before = state.get();
        appendMetrics(steps, epochs);
        if (newStatus != null) {
            applyStatus(newStatus, nowMillis, newStatus.updatedMillis());
        }
        loaded = true;
        return changes(before, wasCollapsed);
    }

    private List<Notice> changes(RunState before, boolean wasCollapsed) {
        List<Notice> notices = new ArrayList<>();
        if (!wasCollapsed && curves.collapsed()) {
            EpochMetrics e = curves.latestEpoch();
            notices.add(new Notice(Notice.Kind.WARNING, name(), String.format(Locale.ROOT,
                    "representation collapsed at epoch %d: output std %.4f is below a fifth of 1/sqrt(d) = %.4f",
                    e.epoch(), e.collapseStd(), e.collapseReference())));
        }
        RunState after = state.get();
        if (before != after && !before.isTerminal()) {
            if (after == RunState.FINISHED) {
                notices.add(new Notice(Notice.Kind.INFO, name(), "finished" + bestKnnSuffix()));
            } else if (after == RunState.FAILED) {
                notices.add(new Notice(Notice.Kind.ERROR, name(), "failed: " + reason()));
            }
        }
        return notices;
    }

    private String bestKnnSuffix() {
        return Double.isNaN(curves.bestKnn()) ? "" : " (best kNN top-1 " + bestKnnText.get() + ")";
    }

    private String reason() {
        return status == null || status.message() == null || status.message().isBlank()
                ? "no reason given" : status.message();
    }

    void setConfig(TrainingConfig newConfig) {
        config = newConfig;
        configSummary.set(summary(newConfig));
    }

    void markOwnedBySession(boolean owned) {
        ownedBySession = owned;
    }

    private void appendMetrics(List<StepMetrics> steps, List<EpochMetrics> epochs) {
        if (curves.append(steps, epochs)) {
            double best = curves.bestKnn();
            bestKnnText.set(Double.isNaN(best) ? "–" : String.format(Locale.ROOT, "%.1f %%", best * 100));
            collapsed.set(curves.collapsed());
            refreshStatusText();
            updateProgress();
            revision.set(revision.get() + 1);
        }
    }

    private void applyStatus(RunStatus newStatus, long nowMillis, long lastActivityMillis) {
        // a poll that read status.json before the listener's newer event must not turn the clock back
        // (e.g. FINISHED -> RUNNING -> FINISHED, which would also repeat the "finished" notice)
        if (status == null || newStatus.updatedMillis() >= status.updatedMillis()) {
            status = newStatus;
        }
        RunState s = status.state() == null ? RunState.IDLE : status.state();
        boolean stale = (s == RunState.RUNNING || s == RunState.PAUSED) && !ownedBySession
                && nowMillis - Math.max(status.updatedMillis(), lastActivityMillis) > STALE_AFTER_MILLIS;
        state.set(s);
        interrupted = stale;
        resumable.set(stale || s == RunState.STOPPED);
        refreshStatusText();
        updateProgress();
    }

    private void refreshStatusText() {
        if (status == null) {
            return;
        }
        String base = interrupted ? "interrupted (resumable)" : describe(state.get(), status.message());
        statusText.set(curves.collapsed() ? base + " · collapsed" : base);
    }

    private static String describe(RunState s, String message) {
        return switch (s) {
            case IDLE -> "not started";
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case STOPPED -> "stopped (resumable)";
            case FINISHED -> "finished";
            case FAILED -> "failed" + (message == null || message.isBlank() ? "" : ": " + message);
        };
    }

    private void updateProgress() {
        StepMetrics step = curves.latestStep();
        EpochMetrics epoch = curves.latestEpoch();
        int epochs = config == null ? 0 : config.epochs();
        if (step != null && epochs > 0 && step.stepsPerEpoch() > 0) {
            progress.set(Math.min(1.0, Math.max(0.0, step.step() / ((double) epochs * step.stepsPerEpoch()))));
            progressText.set(String.format(Locale.ROOT, "epoch %d / %d · step %d / %d", step.epoch(), epochs,
                    step.stepInEpoch(), step.stepsPerEpoch()));
        }
        if (state.get() == RunState.FINISHED) {
            progress.set(1.0);
        }
        if (step != null) {
            speedText.set(state.get().isActive()
                    ? String.format(Locale.ROOT, "%.0f images/s · ETA %s", step.imagesPerSecond(),
                    formatDuration(step.etaSeconds()))
                    : String.format(Locale.ROOT, "%.0f images/s at the last step", step.imagesPerSecond()));
        }
        if (epoch != null) {
            collapseText.set(epoch.looksCollapsed()
                    ? String.format(Locale.ROOT, "⚠ Collapse: output std %.4f < 1/5 of 1/√d (%.4f) at epoch %d",
                    epoch.collapseStd(), epoch.collapseReference() / 5, epoch.epoch())
                    : String.format(Locale.ROOT, "Output std %.4f (healthy ≈ 1/√d = %.4f)", epoch.collapseStd(),
                    epoch.collapseReference()));
        }
    }

    static String formatDuration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String summary(TrainingConfig c) {
        return String.format(Locale.ROOT, "%s · d%d · sg %s · %d ep", c.preset(), c.latentDim(),
                c.stopGradient() ? "on" : "off", c.epochs());
    }

    public Path folder() {
        return folder;
    }

    public String name() {
        return folder.getFileName().toString();
    }

    /** The run's config, or null while it cannot be read. */
    public TrainingConfig config() {
        return config;
    }

    public RunCurves curves() {
        return curves;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty configSummaryProperty() {
        return configSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bestKnnTextProperty() {
        return bestKnnText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty collapsedProperty() {
        return collapsed.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty collapseTextProperty() {
        return collapseText.getReadOnlyProperty();
    }

    /** Increases whenever the curves gain data, so charts know to redraw. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return name();
    }
}
