package org.simsiamexplorer.app.shap;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.simsiamexplorer.app.SelectionModel;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.service.ExplainedScore;
import org.simsiamexplorer.service.ExplanationCancelledException;
import org.simsiamexplorer.service.ExplanationMethod;
import org.simsiamexplorer.service.ExplanationRequest;
import org.simsiamexplorer.service.ImageExplainer;
import org.simsiamexplorer.service.ImageExplanation;
import org.simsiamexplorer.service.PatchMask;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * State of the SHAP tab: which test images to explain (picked in the grid, typed as indices, or taken from the
 * embedding map's selection), the explainer settings, the explained rows and the progress. Holds no Nodes; loading
 * and explaining run on the injected background executor, results are published through the UI executor.
 */
public final class ShapViewModel {
    public static final int MAX_ROWS = 8;
    public static final int PAGE_SIZE = 48;
    public static final List<Integer> SAMPLE_CHOICES = List.of(16, 32, 64, 128, 256, 512, 1024);
    /** Smoothing noise std in normalised units (the pixels span about -2..2); 0 = off. */
    public static final List<Double> SMOOTHING_CHOICES = List.of(0.0, 0.1, 0.2, 0.4);

    private final Executor background;
    private final Executor ui;
    private final ShapSources sources;
    private final SelectionModel selection;

    private final ReadOnlyObjectWrapper<CifarDataset> testImages = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImageExplainer> explainer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> page = new ReadOnlyObjectWrapper<>(new int[0]);
    private final ReadOnlyListWrapper<Integer> chosen = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<ShapRow> rows = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a run with a trained classifier.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyListWrapper<String> classNames =
            new ReadOnlyListWrapper<>(FXCollections.observableArrayList());

    private final ObjectProperty<ExplanationMethod> method =
            new SimpleObjectProperty<>(ExplanationRequest.DEFAULTS.method());
    private final IntegerProperty samples = new SimpleIntegerProperty(ExplanationRequest.DEFAULTS.samples());
    private final ObjectProperty<ExplainedScore> score = new SimpleObjectProperty<>(ExplanationRequest.DEFAULTS.score());
    private final IntegerProperty patchGrid = new SimpleIntegerProperty(ExplanationRequest.DEFAULTS.patchGrid());
    private final DoubleProperty noiseStd = new SimpleDoubleProperty(ExplanationRequest.DEFAULTS.noiseStd());
    private final ObjectProperty<PatchMask> mask = new SimpleObjectProperty<>(ExplanationRequest.DEFAULTS.mask());
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.8);
    private final BooleanProperty followMapSelection = new SimpleBooleanProperty(true);

    private int pageStart;
    private CancellationToken currentCancel;

    public ShapViewModel(ShapSources sources, SelectionModel selection, Executor background, Executor ui) {
        this.sources = sources;
        this.selection = selection;
        this.background = background;
        this.ui = ui;
        selection.selectionProperty().addListener((obs, old, now) -> {
            if (followMapSelection.get() && !now.isEmpty()) {
                useMapSelection();
            }
        });
    }

    /** Loads the test images in the background (the picker stays empty until then). */
    public void loadTestImages() {
        background.execute(() -> {
            try {
                CifarDataset loaded = sources.testImages();
                ui.execute(() -> setTestImages(loaded));
            } catch (Exception e) {
                ui.execute(() -> error.set("Test images: " + message(e)));
            }
        });
    }

    public void setTestImages(CifarDataset dataset) {
        testImages.set(dataset);
        pageStart = 0;
        updatePage();
    }

    /** Opens a run's classifier in the background; the previous one is closed once the new one is ready. */
    public void openRun(Path runRoot) {
        status.set("Loading the classifier of " + runRoot.getFileName() + "…");
        error.set("");
        background.execute(() -> {
            try {
                ImageExplainer loaded = sources.openClassifier(runRoot);
                ui.execute(() -> setExplainer(loaded));
            } catch (Exception e) {
                ui.execute(() -> {
                    status.set("No classifier loaded.");
                    error.set(message(e));
                });
            }
        });
    }

    public void setExplainer(ImageExplainer newExplainer) {
        ImageExplainer old = explainer.get();
        explainer.set(newExplainer);
        classNames.setAll(newExplainer.classNames());
        rows.clear();
        status.set("Classifier: " + newExplainer.classifierName() + ". Pick images, then Explain.");
        if (old != null && old != newExplainer) {
            background.execute(old::close);
        }
    }

    public void nextPage() {
        CifarDataset dataset = testImages.get();
        if (dataset != null && pageStart + PAGE_SIZE < dataset.size()) {
            pageStart += PAGE_SIZE;
            updatePage();
        }
    }

    public void previousPage() {
        if (pageStart > 0) {
            pageStart = Math.max(0, pageStart - PAGE_SIZE);
            updatePage();
        }
    }

    private void updatePage() {
        CifarDataset dataset = testImages.get();
        int end = dataset == null ? 0 : Math.min(dataset.size(), pageStart + PAGE_SIZE);
        int[] indices = new int[Math.max(0, end - pageStart)];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = pageStart + i;
        }
        page.set(indices);
    }

    /** Adds a test image as a row, or removes it when already chosen (clicking a thumbnail toggles). */
    public void toggle(int datasetIndex) {
        error.set("");
        if (chosen.contains(datasetIndex)) {
            chosen.remove(Integer.valueOf(datasetIndex));
        } else if (chosen.size() >= MAX_ROWS) {
            error.set("At most " + MAX_ROWS + " images at once; remove one first.");
        } else {
            chosen.add(datasetIndex);
        }
    }

    /** Parses indices typed by the user: "12, 40-43 7". Bad input leaves the choice unchanged and says why. */
    public void addIndices(String text) {
        error.set("");
        CifarDataset dataset = testImages.get();
        List<Integer> parsed = new ArrayList<>();
        try {
            for (String token : text.trim().split("[,\\s]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                String[] range = token.split("-", 2);
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                for (int i = from; i <= to && parsed.size() <= MAX_ROWS; i++) {
                    parsed.add(i);
                }
            }
        } catch (NumberFormatException e) {
            error.set("'" + text + "' is not a list of image numbers like 12, 40-43.");
            return;
        }
        int size = dataset == null ? 0 : dataset.size();
        for (int index : parsed) {
            if (index < 0 || index >= size) {
                error.set("Test image " + index + " does not exist (0.." + (size - 1) + ").");
                return;
            }
        }
        for (int index : parsed) {
            if (!chosen.contains(index)) {
                if (chosen.size() >= MAX_ROWS) {
                    error.set("At most " + MAX_ROWS + " images at once.");
                    return;
                }
                chosen.add(index);
            }
        }
    }

    /** Replaces the chosen images by the first {@value #MAX_ROWS} of the embedding map's selection (test split). */
    public void useMapSelection() {
        SelectionModel.Selection current = selection.current();
        if (current.isEmpty()) {
            error.set("Nothing is selected in the embedding map.");
            return;
        }
        if (!SelectionModel.TEST_SPLIT.equals(current.split())) {
            error.set("The map shows the " + current.split() + " split; the SHAP tab explains test images.");
            return;
        }
        int[] indices = current.datasetIndices();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < indices.length && first.size() < MAX_ROWS; i++) {
            first.add(indices[i]);
        }
        chosen.setAll(first);
        error.set(indices.length > MAX_ROWS ? "Took the first " + MAX_ROWS + " of " + indices.length
                + " selected images." : "");
    }

    public void clearChosen() {
        chosen.clear();
    }

    public ExplanationRequest request() {
        return new ExplanationRequest(method.get(), samples.get(), ExplanationRequest.DEFAULTS.backgroundSize(),
                patchGrid.get(), score.get(), noiseStd.get(), mask.get(), ExplanationRequest.DEFAULTS.seed());
    }

    /** Explains the chosen images in the background; the rows are replaced when all are done. */
    public void explain() {
        ImageExplainer current = explainer.get();
        CifarDataset dataset = testImages.get();
        if (current == null || dataset == null) {
            error.set(current == null ? "Open a run with a trained classifier first." : "Test images not loaded yet.");
            return;
        }
        if (chosen.isEmpty() || running.get()) {
            error.set(chosen.isEmpty() ? "Pick at least one image." : "");
            return;
        }
        ExplanationRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        int[] indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        CancellationToken cancel = new CancellationToken();
        currentCancel = cancel;
        running.set(true);
        progress.set(0);
        error.set("");
        status.set("Explaining " + indices.length + " image(s): " + org.simsiamexplorer.service.ExplainService
                .describe(request) + "…");
        background.execute(() -> {
            try {
                List<ImageExplanation> results = current.explain(indices, request,
                        (image, images, fraction) -> ui.execute(() -> progress.set(fraction)), cancel);
                List<ShapRow> newRows = results.stream().map(r -> toRow(r, dataset, current.classNames())).toList();
                long millis = results.stream().mapToLong(ImageExplanation::millis).sum();
                double gap = results.stream().mapToDouble(ImageExplanation::completenessGap).max().orElse(0);
                ui.execute(() -> finished(newRows, String.format(Locale.ROOT, "Explained %d image(s) of %s in %.1f s: %s."
                                + " Attributions add up to score - base within %.1f %% (worst class); more samples"
                                + " tighten this.", newRows.size(), current.classifierName(), millis / 1000.0,
                        newRows.isEmpty() ? "" : newRows.get(0).description(), 100 * gap)));
            } catch (ExplanationCancelledException e) {
                ui.execute(() -> finished(null, "Cancelled; the previous result is kept."));
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    finished(null, "Explanation failed.");
                    error.set(message(e));
                });
            }
        });
    }

    private void finished(List<ShapRow> newRows, String message) {
        running.set(false);
        progress.set(newRows == null ? 0 : 1);
        if (newRows != null) {
            rows.setAll(newRows);
        }
        status.set(message);
    }

    /** Shows a problem the view ran into (e.g. an export that could not be written). */
    public void reportError(String message) {
        error.set(message);
    }

    public void cancel() {
        if (currentCancel != null) {
            currentCancel.cancel();
        }
    }

    static ShapRow toRow(ImageExplanation result, CifarDataset dataset, List<String> names) {
        List<String> sums = new ArrayList<>();
        for (int c = 0; c < result.classes(); c++) {
            double total = 0;
            for (float value : result.pixelAttributions()[c]) {
                total += value;
            }
            sums.add(String.format(Locale.ROOT, "sum %.2f, f(x) - base %.2f", total,
                    result.inputScores()[c] - result.baseScores()[c]));
        }
        return new ShapRow(result.datasetIndex(), names.get(result.label()), dataset.rgbPixels(result.datasetIndex()),
                result.side(), result.pixelAttributions(), result.probabilities(), result.predictedClass(),
                result.maxAbsAttribution(), result.description(), List.copyOf(sums));
    }

    /** The overlay of one cell as packed ARGB, enlarged by {@code factor} (nearest neighbour). */
    public int[] cellPixels(ShapRow row, int classIndex, int factor) {
        int[] overlay = AttributionColors.overlay(row.rgb(), row.maps()[classIndex], row.scale(), opacity.get());
        return AttributionColors.enlarge(overlay, row.side(), factor);
    }

    /** The plain image as packed ARGB, enlarged (nearest neighbour). */
    public static int[] imagePixels(int[] rgb, int side, int factor) {
        int[] opaque = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            opaque[i] = 0xFF000000 | rgb[i];
        }
        return AttributionColors.enlarge(opaque, side, factor);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public ReadOnlyObjectProperty<CifarDataset> testImagesProperty() {
        return testImages.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageExplainer> explainerProperty() {
        return explainer.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<int[]> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<Integer> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<ShapRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<String> classNamesProperty() {
        return classNames.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<ExplanationMethod> methodProperty() {
        return method;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ObjectProperty<ExplainedScore> scoreProperty() {
        return score;
    }

    public IntegerProperty patchGridProperty() {
        return patchGrid;
    }

    /** Expected gradients' smoothing noise std (normalised units). */
    public DoubleProperty noiseStdProperty() {
        return noiseStd;
    }

    /** Patch SHAP's fill for absent patches. */
    public ObjectProperty<PatchMask> maskProperty() {
        return mask;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public BooleanProperty followMapSelectionProperty() {
        return followMapSelection;
    }
}
