package org.simsiamexplorer.app.embeddings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.simsiamexplorer.service.evaluation.EvaluationMode;
import org.simsiamexplorer.service.evaluation.EvaluationStore;
import org.simsiamexplorer.service.evaluation.Predictions;
import org.simsiamexplorer.app.SelectionModel;
import org.simsiamexplorer.service.MapLayouts;
import org.simsiamexplorer.service.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The Embeddings tab: a runs folder, one map (or two side by side in compare mode), and the image selected in
 * either map, which both maps highlight (linked by dataset index). Holds no Nodes.
 */
public final class EmbeddingsViewModel {
    public static final int NEIGHBOURS = 8;

    private final Executor background;
    private final Executor ui;
    private final ImageLoader imageLoader;
    private final Map<String, ImageSource> images = new ConcurrentHashMap<>();

    private final ReadOnlyObjectWrapper<Path> runsFolder = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final ObservableList<String> runsView = FXCollections.unmodifiableObservableList(runs);
    private final MapViewModel primary;
    private final MapViewModel secondary;
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private SelectionModel shared;

    /** Loads the images of a dataset split ("test", "train"); called on the background executor. */
    @FunctionalInterface
    public interface ImageLoader {
        ImageSource load(String split) throws IOException;
    }

    /**
     * The selected image as the side panel shows it.
     *
     * @param prediction the classifier's class name, or null when the run has no classifier yet
     * @param neighbours dataset indices of the nearest images in feature space, nearest first (may still be empty)
     */
    public record Detail(MapViewModel source, String split, int datasetIndex, int label, String className,
                         String prediction, int[] neighbours) {
    }

    public EmbeddingsViewModel(Executor background, Executor ui, MapLayouts layouts, MapAnalysis analysis,
                               ImageLoader imageLoader) {
        this.background = background;
        this.ui = ui;
        this.imageLoader = imageLoader;
        this.primary = new MapViewModel(background, ui, layouts, analysis);
        this.secondary = new MapViewModel(background, ui, layouts, analysis);
    }

    /** The production wiring: analysis-backed layouts and statistics, CIFAR-10 images from the usual places. */
    public static EmbeddingsViewModel standard(Executor background, Executor ui) {
        // leave one core to the UI thread so t-SNE never starves the map
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new EmbeddingsViewModel(background, ui,
                new org.simsiamexplorer.service.MapLayouts(new org.simsiamexplorer.service.AnalysisLayoutEngine(threads)),
                new StatisticsMapAnalysis(new org.simsiamexplorer.service.FeatureSpaceStatistics(threads)),
                CifarImages.standard());
    }

    /**
     * Publishes what the user selects on the map (one image, or an area) to the window's shared selection, for
     * other tabs (SHAP) to follow.
     */
    public void publishSelectionsTo(SelectionModel selection) {
        this.shared = selection;
        for (MapViewModel map : new MapViewModel[]{primary, secondary}) {
            map.areaSelectionProperty().addListener((obs, old, rows) -> {
                MapData data = map.dataProperty().get();
                if (shared != null && data != null && rows.length > 0) {
                    int[] indices = new int[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        indices[i] = data.datasetIndex(rows[i]);
                    }
                    shared.publish(data.split(), indices, "embedding map area");
                }
            });
        }
    }

    /** Lists the runs in a folder (sub-folders with a config or features) and shows the first one. */
    public void openRunsFolder(Path folder) {
        runsFolder.set(folder);
        background.execute(() -> {
            List<String> names;
            try (Stream<Path> children = Files.list(folder)) {
                names = children.filter(EmbeddingsViewModel::looksLikeRun)
                        .map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                ui.execute(() -> message.set("Cannot read runs folder " + folder + ": " + e.getMessage()));
                return;
            }
            ui.execute(() -> {
                runs.setAll(names);
                if (names.isEmpty()) {
                    message.set("No runs in " + folder + ": a run is a folder with config.json and features/.");
                    return;
                }
                message.set(names.size() + " run(s) in " + folder);
                showRun(primary, names.get(0));
                showRun(secondary, names.get(Math.min(1, names.size() - 1)));
            });
        });
    }

    private static boolean looksLikeRun(Path folder) {
        return Files.isDirectory(folder)
                && (RunDirectory.isRun(folder) || Files.isDirectory(folder.resolve(RunDirectory.FEATURES)));
    }

    public void showRun(MapViewModel map, String runName) {
        Path folder = runsFolder.get();
        if (folder != null && runName != null) {
            map.showRun(new RunDirectory(folder.resolve(runName)));
        }
    }

    public void setComparing(boolean compare) {
        comparing.set(compare);
        if (!compare) {
            secondary.cancel();
        } else if (!secondary.specProperty().get().equals(primary.specProperty().get())) {
            // both maps use the same kind of layout, or the comparison would mislead
            secondary.changeLayout(primary.specProperty().get());
        }
    }

    /** Selects a point of one map: fills the detail panel and highlights the same image in both maps. */
    public void select(MapViewModel source, int row) {
        MapData shown = source.dataProperty().get();
        if (shown == null || row < 0 || row >= shown.rows()) {
            clearSelection();
            return;
        }
        int datasetIndex = shown.datasetIndex(row);
        String split = shown.split();
        primary.showSelection(split, datasetIndex);
        secondary.showSelection(split, datasetIndex);
        if (shared != null) {
            shared.publish(split, new int[]{datasetIndex}, "embedding map");
        }
        int label = shown.label(row);
        ImageSource source1 = imageSource(split);
        Detail first = new Detail(source, split, datasetIndex, label, source1.className(label), null, new int[0]);
        detail.set(first);
        background.execute(() -> {
            String prediction = prediction(shown, row, source1);
            int[] neighbourRows = source.nearestRows(row, NEIGHBOURS);
            int[] neighbours = new int[neighbourRows.length];
            for (int i = 0; i < neighbours.length; i++) {
                neighbours[i] = shown.datasetIndex(neighbourRows[i]);
            }
            ui.execute(() -> {
                if (detail.get() == first) {
                    detail.set(new Detail(source, split, datasetIndex, label, first.className(), prediction,
                            neighbours));
                }
            });
        });
    }

    /** Selects an image by dataset index in the map it came from (neighbour thumbnails, search box). */
    public boolean selectDatasetIndex(MapViewModel map, int datasetIndex) {
        MapData shown = map.dataProperty().get();
        int row = shown == null ? -1 : shown.rowOf(datasetIndex);
        if (row < 0) {
            message.set("Image " + datasetIndex + " is not in this feature set.");
            return false;
        }
        select(map, row);
        return true;
    }

    public void clearSelection() {
        primary.showSelection("", -1);
        secondary.showSelection("", -1);
        detail.set(null);
    }

    /**
     * What the run's evaluated classifier says about the image (fine-tuned if there is one, else the linear probe),
     * e.g. "cat (linear probe)"; null when the run has no classifier for this split yet.
     */
    private static String prediction(MapData shown, int row, ImageSource names) {
        int datasetIndex = shown.datasetIndex(row);
        for (EvaluationMode mode : new EvaluationMode[]{EvaluationMode.FINETUNE, EvaluationMode.LINEAR}) {
            try {
                if (!EvaluationStore.exists(shown.run().root(), mode)) {
                    continue;
                }
                Predictions predictions = EvaluationStore.readPredictions(shown.run().root(), mode);
                if (!predictions.split().equals(shown.split())) {
                    continue;
                }
                int[] indices = predictions.datasetIndices();
                for (int i = 0; i < indices.length; i++) {
                    if (indices[i] == datasetIndex) {
                        return names.className(predictions.predicted()[i])
                                + (mode == EvaluationMode.LINEAR ? " (linear probe)" : " (fine-tuned)");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unreadable predictions are the same as none for this panel; the Evaluation tab reports them
            }
        }
        return null;
    }

    /** The images of a split, loading them in the background the first time (NONE until loaded). */
    public ImageSource imageSource(String split) {
        ImageSource loaded = images.get(split);
        if (loaded != null) {
            return loaded;
        }
        images.put(split, ImageSource.NONE);
        background.execute(() -> {
            try {
                ImageSource source = imageLoader.load(split);
                images.put(split, source);
                ui.execute(() -> {
                    message.set("Loaded " + source.size() + " " + split + " images.");
                    Detail current = detail.get();
                    if (current != null && current.split().equals(split)) {
                        detail.set(new Detail(current.source(), split, current.datasetIndex(), current.label(),
                                source.className(current.label()), current.prediction(), current.neighbours()));
                    }
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> message.set("No images for the " + split + " split (" + e.getMessage()
                        + "): the map works, thumbnails stay blank."));
            }
        });
        // with a synchronous executor (tests) the images are already there
        return images.getOrDefault(split, ImageSource.NONE);
    }

    public MapViewModel primary() {
        return primary;
    }

    public MapViewModel secondary() {
        return secondary;
    }

    public ReadOnlyObjectProperty<Path> runsFolderProperty() {
        return runsFolder.getReadOnlyProperty();
    }

    public ObservableList<String> runs() {
        return runsView;
    }

    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
