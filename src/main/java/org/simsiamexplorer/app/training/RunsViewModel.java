package org.simsiamexplorer.app.training;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.simsiamexplorer.service.TrainingConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The runs list: every run directory under a chosen folder (default ./runs, remembered), including runs another
 * process writes. {@link #poll()} re-reads the folder on the background executor, incrementally, and applies the
 * result on the UI thread; the view calls it about once a second.
 */
public final class RunsViewModel {
    private final Executor background;
    private final Executor ui;
    private final FolderMemory memory;
    private final LongSupplier clock;
    private final Consumer<Notice> notices;
    private final ObservableList<RunItem> runs = FXCollections.observableArrayList();
    private final ObservableList<RunItem> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);
    private final Map<Path, RunItem> byFolder = new HashMap<>();
    private final Set<Path> keepEvenIfMissing = new HashSet<>();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean polling = new AtomicBoolean(false);
    private volatile RunFolderScanner scanner;

    public RunsViewModel(Executor background, Executor ui, FolderMemory memory, LongSupplier clock,
                         Consumer<Notice> notices) {
        this.background = background;
        this.ui = ui;
        this.memory = memory;
        this.clock = clock;
        this.notices = notices;
        Path initial = memory.load().orElse(Path.of("runs")).toAbsolutePath().normalize();
        folder.set(initial);
        scanner = new RunFolderScanner(initial);
    }

    /** Switches to another runs folder, remembers it, and reads it. */
    public void chooseFolder(Path newFolder) {
        Path normalized = newFolder.toAbsolutePath().normalize();
        memory.save(normalized);
        folder.set(normalized);
        scanner = new RunFolderScanner(normalized);
        runs.removeIf(item -> !keepEvenIfMissing.contains(item.folder()));
        byFolder.keySet().retainAll(keepEvenIfMissing);
        poll();
    }

    /** Reads the folder in the background; skipped while the previous poll is still running. */
    public void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        RunFolderScanner current = scanner;
        try {
            background.execute(() -> scanInBackground(current));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            polling.set(false); // the app is shutting down; nothing left to refresh
        }
    }

    private void scanInBackground(RunFolderScanner current) {
        try {
            List<RunSnapshot> snapshots = current.scan();
            ui.execute(() -> apply(current, snapshots));
        } catch (IOException | RuntimeException e) {
            ui.execute(() -> message.set("Cannot read " + current.root() + ": " + e.getMessage()));
        } finally {
            polling.set(false);
        }
    }

    private void apply(RunFolderScanner source, List<RunSnapshot> snapshots) {
        if (source != scanner) {
            return; // the folder changed while this poll ran
        }
        long now = clock.getAsLong();
        Set<Path> seen = new HashSet<>();
        for (RunSnapshot snapshot : snapshots) {
            seen.add(snapshot.folder());
            RunItem item = itemFor(snapshot.folder());
            item.applySnapshot(snapshot, now).forEach(notices);
        }
        runs.removeIf(item -> !seen.contains(item.folder()) && !keepEvenIfMissing.contains(item.folder()));
        byFolder.keySet().removeIf(path -> !seen.contains(path) && !keepEvenIfMissing.contains(path));
        message.set(snapshots.isEmpty() ? "No runs in " + source.root() + " yet." : "");
    }

    /** The item for a run folder, created (and listed) if new. */
    RunItem itemFor(Path runFolder) {
        Path key = runFolder.toAbsolutePath().normalize();
        RunItem existing = byFolder.get(key);
        if (existing != null) {
            return existing;
        }
        RunItem item = new RunItem(key);
        byFolder.put(key, item);
        runs.add(item);
        runs.sort(Comparator.comparing(RunItem::name));
        return item;
    }

    /** Lists a run this app is about to start, before its folder exists; it stays listed while the session runs. */
    RunItem itemForSession(Path runFolder, TrainingConfig config) {
        RunItem item = itemFor(runFolder);
        item.setConfig(config);
        item.markOwnedBySession(true);
        keepEvenIfMissing.add(item.folder());
        return item;
    }

    /** The session ended: from now on the item is just a folder like any other. */
    void releaseSessionItem(RunItem item, boolean forget) {
        item.markOwnedBySession(false);
        keepEvenIfMissing.remove(item.folder());
        if (forget) {
            runs.remove(item);
            byFolder.remove(item.folder());
        }
    }

    Optional<RunItem> find(Path runFolder) {
        return Optional.ofNullable(byFolder.get(runFolder.toAbsolutePath().normalize()));
    }

    long now() {
        return clock.getAsLong();
    }

    public ObservableList<RunItem> runs() {
        return readOnlyRuns;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public Path folder() {
        return folder.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Names of listed runs, e.g. to keep a new run's default name unique. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        runs.forEach(r -> names.add(r.name()));
        return names;
    }
}
