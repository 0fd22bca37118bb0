package org.simsiamexplorer.app.embeddings;

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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.simsiamexplorer.analysis.map.WorldBounds;
import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.LayoutEngine;
import org.simsiamexplorer.service.LayoutSpec;
import org.simsiamexplorer.service.MapLayout;
import org.simsiamexplorer.service.MapLayouts;
import org.simsiamexplorer.service.RunDirectory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * One map: which run and feature set it shows, its layout (computed in the background, animated while t-SNE
 * optimises), which classes are hidden, the highlighted point and the area selection. Holds no Nodes.
 */
public final class MapViewModel {
    private final Executor background;
    private final Executor ui;
    private final MapLayouts layouts;
    private final MapAnalysis analysis;

    private final ReadOnlyObjectWrapper<MapData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunDirectory> run = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> featureStems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper featureStem = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<LayoutSpec> spec = new ReadOnlyObjectWrapper<>(LayoutSpec.pca());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a runs folder to see a map.");
    private final ReadOnlyStringWrapper qualityText = new ReadOnlyStringWrapper("");
    private final ObservableSet<Integer> hiddenClasses = FXCollections.observableSet();
    private final ObservableSet<Integer> hiddenClassesView = FXCollections.unmodifiableObservableSet(hiddenClasses);
    private final ObservableList<String> featureStemsView = FXCollections.unmodifiableObservableList(featureStems);
    private final ReadOnlyIntegerWrapper selectedRow = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<int[]> areaSelection = new ReadOnlyObjectWrapper<>(new int[0]);

    /** Every new job bumps this; results of older jobs are dropped. */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile AtomicBoolean currentCancel = new AtomicBoolean();

    public MapViewModel(Executor background, Executor ui, MapLayouts layouts, MapAnalysis analysis) {
        this.background = background;
        this.ui = ui;
        this.layouts = layouts;
        this.analysis = analysis;
    }

    /** Shows a run: lists its feature sets and opens the default one (latest test set, else the latest). */
    public void showRun(RunDirectory runDirectory) {
        run.set(runDirectory);
        featureStem.set(null);
        refresh(true);
    }

    /** Re-lists the run's feature sets (a run still training writes new ones); opens the default when asked. */
    public void refresh(boolean openDefault) {
        RunDirectory current = run.get();
        if (current == null) {
            return;
        }
        background.execute(() -> {
            try {
                List<String> stems = FeatureSet.list(current.features());
                String chosen = FeatureSet.latest(current.features(), "test")
                        .orElse(stems.isEmpty() ? null : stems.get(stems.size() - 1));
                ui.execute(() -> {
                    featureStems.setAll(stems);
                    if (stems.isEmpty()) {
                        status.set("Run " + current.name() + " has no evaluated features yet (features/ is empty): "
                                + "wait for an epoch's evaluation, then press Refresh.");
                    } else if (openDefault || featureStem.get() == null) {
                        open(chosen);
                    }
                });
            } catch (IOException e) {
                ui.execute(() -> status.set("Cannot list the features of " + current.name() + ": " + e.getMessage()));
            }
        });
    }

    /** Opens one feature set of the current run with the current layout settings. */
    public void open(String stem) {
        RunDirectory current = run.get();
        if (current == null || stem == null) {
            return;
        }
        featureStem.set(stem);
        int job = startJob("Loading " + stem + " of " + current.name() + "…");
        AtomicBoolean cancel = currentCancel;
        LayoutSpec wanted = spec.get();
        background.execute(() -> {
            FeatureSet features;
            try {
                features = FeatureSet.read(current.features(), stem);
            } catch (IOException | RuntimeException e) {
                finish(job, "Cannot read features " + stem + ": " + e.getMessage());
                return;
            }
            computeLayout(job, cancel, current, features, wanted);
        });
    }

    /** Recomputes (or loads from the cache) the layout of the open features with other settings. */
    public void changeLayout(LayoutSpec newSpec) {
        spec.set(newSpec);
        MapData shown = data.get();
        String stem = featureStem.get();
        if (shown == null || shown.run() != run.get() || !shown.features().stem().equals(stem)) {
            // another run or feature set is still loading: load that one with the new settings, never relayout
            // the stale features still on screen (a pending listing opens its default with the new spec anyway)
            if (stem != null) {
                open(stem);
            }
            return;
        }
        int job = startJob("Computing " + newSpec.describe() + "…");
        AtomicBoolean cancel = currentCancel;
        background.execute(() -> computeLayout(job, cancel, shown.run(), shown.features(), newSpec));
    }

    /** Stops the running layout computation; the map keeps what it shows. */
    public void cancel() {
        currentCancel.set(true);
    }

    private int startJob(String message) {
        currentCancel.set(true);
        currentCancel = new AtomicBoolean();
        int job = generation.incrementAndGet();
        busy.set(true);
        progress.set(-1);
        status.set(message);
        return job;
    }

    private void computeLayout(int job, AtomicBoolean cancel, RunDirectory source, FeatureSet features,
                               LayoutSpec wanted) {
        long start = System.nanoTime();
        LayoutEngine.Listener listener = (fraction, intermediate) -> ui.execute(() -> {
            if (job != generation.get()) {
                return;
            }
            progress.set(fraction);
            if (intermediate != null) {
                MapLayout partial = new MapLayout(wanted, features.rows(), intermediate, new double[0]);
                publish(partial, source, features, false);
            }
        });
        try {
            MapLayouts.Result result = layouts.obtain(source, features, wanted, listener, cancel::get);
            double seconds = (System.nanoTime() - start) / 1e9;
            ui.execute(() -> {
                if (job != generation.get()) {
                    return;
                }
                publish(result.layout(), source, features, true);
                String how = result.fromCache() ? "from the cache" : String.format(Locale.ROOT, "in %.1f s", seconds);
                String message = wanted.describe() + " of " + features.rows() + " points (" + features.split()
                        + ", epoch " + features.epoch() + ", " + features.dim() + "-d features), " + how
                        + explainedVarianceText(result.layout());
                finish(job, result.cacheWarning() == null ? message : message + ". " + result.cacheWarning());
            });
            measureQuality(job, cancel, features, result.layout());
        } catch (CancellationException e) {
            finish(job, "Stopped " + wanted.describe() + "; the map shows the last layout.");
        } catch (RuntimeException e) {
            finish(job, wanted.describe() + " failed: " + e.getMessage());
        }
    }

    private void measureQuality(int job, AtomicBoolean cancel, FeatureSet features, MapLayout layout) {
        ui.execute(() -> qualityText.set("measuring cluster quality…"));
        try {
            MapAnalysis.Quality quality = analysis.quality(features, layout, cancel::get);
            ui.execute(() -> {
                if (job == generation.get()) {
                    qualityText.set(describe(quality));
                }
            });
        } catch (CancellationException e) {
            ui.execute(() -> qualityText.set(""));
        } catch (RuntimeException e) {
            ui.execute(() -> qualityText.set("quality not measured: " + e.getMessage()));
        }
    }

    static String describe(MapAnalysis.Quality quality) {
        String knn = Double.isNaN(quality.knnAccuracy()) ? "kNN —"
                : String.format(Locale.ROOT, "kNN %.1f%% (%s)", 100 * quality.knnAccuracy(), quality.knnMethod());
        String silhouette = Double.isNaN(quality.silhouette()) ? "silhouette —"
                : String.format(Locale.ROOT, "2-D silhouette %.3f", quality.silhouette());
        return knn + " · " + silhouette;
    }

    private static String explainedVarianceText(MapLayout layout) {
        double[] v = layout.explainedVariance();
        if (v.length < 2) {
            return "";
        }
        return String.format(Locale.ROOT, "; PC1 %.1f%%, PC2 %.1f%% of the variance", 100 * v[0], 100 * v[1]);
    }

    private void publish(MapLayout layout, RunDirectory source, FeatureSet features, boolean isFinal) {
        MapData shown = data.get();
        boolean sameFeatures = shown != null && shown.features() == features;
        data.set(sameFeatures ? shown.withLayout(layout, isFinal) : MapData.of(source, features, layout, isFinal));
        if (!sameFeatures) {
            selectedRow.set(-1);
            areaSelection.set(new int[0]);
        }
    }

    private void finish(int job, String message) {
        ui.execute(() -> {
            if (job != generation.get()) {
                return;
            }
            busy.set(false);
            progress.set(0);
            status.set(message);
        });
    }

    /** The visible point nearest to a layout position within {@code maxDistance} (layout units), or -1. */
    public int pick(double worldX, double worldY, double maxDistance) {
        MapData shown = data.get();
        return shown == null ? -1 : shown.grid().nearest(worldX, worldY, maxDistance, visible(shown));
    }

    /** Selects the visible points inside a layout rectangle. */
    public void selectArea(WorldBounds area) {
        MapData shown = data.get();
        if (shown != null) {
            areaSelection.set(shown.grid().within(area, visible(shown)));
        }
    }

    /** Selects the visible points inside a lasso (layout coordinates, interleaved x,y). */
    public void selectLasso(double[] polygon) {
        MapData shown = data.get();
        if (shown != null) {
            areaSelection.set(shown.grid().withinPolygon(polygon, visible(shown)));
        }
    }

    public void clearAreaSelection() {
        areaSelection.set(new int[0]);
    }

    /** Images per class in the area selection, indexed by class. */
    public int[] areaHistogram(int classes) {
        MapData shown = data.get();
        int[] histogram = new int[classes];
        if (shown != null) {
            for (int row : areaSelection.get()) {
                int label = shown.label(row);
                if (label < classes) {
                    histogram[label]++;
                }
            }
        }
        return histogram;
    }

    public void toggleClass(int classIndex) {
        if (!hiddenClasses.remove(classIndex)) {
            hiddenClasses.add(classIndex);
        }
        dropHiddenFromSelection();
    }

    /** Shows one class alone (or all again when it is already alone). */
    public void showOnly(int classIndex, int classes) {
        boolean alreadyAlone = hiddenClasses.size() == classes - 1 && !hiddenClasses.contains(classIndex);
        hiddenClasses.clear();
        if (!alreadyAlone) {
            for (int c = 0; c < classes; c++) {
                if (c != classIndex) {
                    hiddenClasses.add(c);
                }
            }
        }
        dropHiddenFromSelection();
    }

    private void dropHiddenFromSelection() {
        MapData shown = data.get();
        if (shown != null && areaSelection.get().length > 0) {
            IntPredicate visible = visible(shown);
            areaSelection.set(java.util.Arrays.stream(areaSelection.get()).filter(visible).toArray());
        }
    }

    /** Hidden classes as a flag array for the renderer. */
    public boolean[] hiddenFlags(int classes) {
        boolean[] flags = new boolean[Math.max(classes, 1)];
        for (int c : hiddenClasses) {
            if (c >= 0 && c < flags.length) {
                flags[c] = true;
            }
        }
        return flags;
    }

    private IntPredicate visible(MapData shown) {
        if (hiddenClasses.isEmpty()) {
            return i -> true;
        }
        boolean[] hidden = hiddenFlags(256);
        byte[] labels = shown.features().labels();
        return i -> !hidden[labels[i] & 0xFF];
    }

    /** Highlights the row showing a dataset image (linked selection); -1 or an absent image clears it. */
    void showSelection(String split, int datasetIndex) {
        MapData shown = data.get();
        if (shown == null || datasetIndex < 0 || !shown.split().equals(split)) {
            selectedRow.set(-1);
        } else {
            selectedRow.set(shown.rowOf(datasetIndex));
        }
    }

    /** A neighbour search for the detail panel (runs on the caller's thread). */
    int[] nearestRows(int row, int k) {
        MapData shown = data.get();
        return shown == null ? new int[0] : analysis.nearestRows(shown.features(), row, k);
    }

    public ReadOnlyObjectProperty<MapData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunDirectory> runProperty() {
        return run.getReadOnlyProperty();
    }

    public ObservableList<String> featureStems() {
        return featureStemsView;
    }

    public ReadOnlyStringProperty featureStemProperty() {
        return featureStem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LayoutSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while computing, -1 while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty qualityTextProperty() {
        return qualityText.getReadOnlyProperty();
    }

    public ObservableSet<Integer> hiddenClasses() {
        return hiddenClassesView;
    }

    public ReadOnlyIntegerProperty selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[]> areaSelectionProperty() {
        return areaSelection.getReadOnlyProperty();
    }
}
