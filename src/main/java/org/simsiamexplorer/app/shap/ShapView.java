package org.simsiamexplorer.app.shap;

import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.service.ExplainedScore;
import org.simsiamexplorer.service.ExplanationMethod;
import org.simsiamexplorer.service.PatchMask;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The SHAP tab: a picker of test images on the left, explainer settings on top, and the result grid: one row per
 * image, one column per class (probability above each cell), the attribution over a greyed copy of the image (red
 * raises the class score, blue lowers it, one symmetric scale per row with its colour bar), enlarged pixel by pixel.
 */
public final class ShapView {
    private static final int CELL_ZOOM = 3;
    private static final int THUMB_ZOOM = 1;

    private final ShapViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final GridPane results = new GridPane();
    private final TilePane thumbnails = new TilePane(2, 2);

    public ShapView(ShapViewModel viewModel) {
        this.viewModel = viewModel;
        root.setTop(toolbar());
        root.setLeft(picker());
        results.setHgap(6);
        results.setVgap(8);
        results.setPadding(new Insets(10));
        results.setStyle("-fx-background-color: white;");
        results.setId("shapResults");
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(false);
        root.setCenter(scroll);
        root.setBottom(statusLine());
        viewModel.rowsProperty().addListener((ListChangeListener<ShapRow>) change -> rebuildResults());
        viewModel.opacityProperty().addListener((obs, old, now) -> rebuildResults());
        viewModel.classNamesProperty().addListener((ListChangeListener<String>) change -> rebuildResults());
        viewModel.pageProperty().addListener((obs, old, now) -> rebuildThumbnails());
        viewModel.chosenProperty().addListener((ListChangeListener<Integer>) change -> rebuildThumbnails());
        rebuildThumbnails();
        rebuildResults();
    }

    public Parent root() {
        return root;
    }

    private ToolBar toolbar() {
        Button open = new Button("Open run…");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Run folder with an evaluated classifier (eval/linear or eval/finetune)");
            File folder = chooser.showDialog(root.getScene().getWindow());
            if (folder != null) {
                viewModel.openRun(folder.toPath());
            }
        });
        ComboBox<ExplanationMethod> method = new ComboBox<>();
        method.getItems().setAll(ExplanationMethod.values());
        method.valueProperty().bindBidirectional(viewModel.methodProperty());
        method.setTooltip(new Tooltip("Expected gradients: per pixel, shap's GradientExplainer.\n"
                + "Patch SHAP: Shapley values of image patches, model-agnostic (exact for 3x3 or fewer)."));
        method.setId("methodChoice");
        ComboBox<Integer> samples = new ComboBox<>();
        samples.setId("samplesChoice");
        samples.getItems().setAll(ShapViewModel.SAMPLE_CHOICES);
        syncBothWays(samples, viewModel.samplesProperty());
        samples.setTooltip(new Tooltip("Gradient samples (expected gradients) or coalitions (Kernel SHAP)"));
        ComboBox<Double> smoothing = new ComboBox<>();
        smoothing.setId("smoothingChoice");
        smoothing.getItems().setAll(ShapViewModel.SMOOTHING_CHOICES);
        syncBothWays(smoothing, viewModel.noiseStdProperty());
        smoothing.disableProperty().bind(viewModel.methodProperty()
                .isNotEqualTo(ExplanationMethod.EXPECTED_GRADIENTS));
        smoothing.setTooltip(new Tooltip("Expected gradients: std of Gaussian noise added to the image before each "
                + "gradient (shap's local_smoothing), in normalised units (pixels span about -2..2); 0 = off"));
        ComboBox<Integer> grid = new ComboBox<>();
        grid.setId("patchesChoice");
        grid.getItems().setAll(2, 3, 4, 8);
        syncBothWays(grid, viewModel.patchGridProperty());
        grid.disableProperty().bind(viewModel.methodProperty().isNotEqualTo(ExplanationMethod.PATCH_SHAP));
        grid.setTooltip(new Tooltip("Patches per side (patch SHAP)"));
        ComboBox<PatchMask> mask = new ComboBox<>();
        mask.setId("maskChoice");
        mask.getItems().setAll(PatchMask.values());
        mask.valueProperty().bindBidirectional(viewModel.maskProperty());
        mask.disableProperty().bind(viewModel.methodProperty().isNotEqualTo(ExplanationMethod.PATCH_SHAP));
        mask.setTooltip(new Tooltip("Patch SHAP: what replaces an absent patch: a blurred copy of the image, or the "
                + "mean of the reference training images"));
        ComboBox<ExplainedScore> score = new ComboBox<>();
        score.getItems().setAll(ExplainedScore.values());
        score.valueProperty().bindBidirectional(viewModel.scoreProperty());
        score.setTooltip(new Tooltip("Explained output. Logit (default): each class's own evidence, no saturation."));
        Button explain = new Button("Explain");
        explain.setId("explainButton");
        explain.setDefaultButton(true);
        explain.disableProperty().bind(viewModel.runningProperty());
        explain.setOnAction(e -> viewModel.explain());
        Button cancel = new Button("Cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.setPrefWidth(120);
        Slider opacity = new Slider(0, 1, viewModel.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(viewModel.opacityProperty());
        opacity.setPrefWidth(90);
        Button export = new Button("Export PNG…");
        export.disableProperty().bind(viewModel.rowsProperty().emptyProperty());
        export.setOnAction(e -> exportPng());
        return new ToolBar(open, new Separator(), new Label("Method"), method, new Label("Samples"), samples,
                new Label("Smoothing"), smoothing, new Label("Patches"), grid, new Label("Mask"), mask,
                new Label("Score"), score, explain, cancel, progress, new Separator(), new Label("Opacity"), opacity,
                export);
    }

    /**
     * The combo box shows the view model's value and writes the user's choice back. Two listeners rather than a
     * bidirectional binding to {@code property.asObject()}: that adapter is only weakly referenced by the binding
     * and could be collected, silently cutting the link (then the box would show a stale number, as the old
     * screenshot did: "Samples 64" while 256 were used).
     */
    private static <T extends Number> void syncBothWays(ComboBox<T> box, javafx.beans.property.Property<Number> value) {
        box.setValue(cast(box, value.getValue()));
        value.addListener((obs, old, now) -> box.setValue(cast(box, now)));
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                value.setValue(now);
            }
        });
    }

    /** The item equal in value to {@code number}; a value that is not among the choices is added, in order. */
    @SuppressWarnings("unchecked")
    private static <T extends Number> T cast(ComboBox<T> box, Number number) {
        for (T item : box.getItems()) {
            if (item.doubleValue() == number.doubleValue()) {
                return item;
            }
        }
        boolean integers = box.getItems().isEmpty() || box.getItems().get(0) instanceof Integer;
        T added = (T) (integers ? (Number) number.intValue() : (Number) number.doubleValue());
        box.getItems().add(added);
        box.getItems().sort(java.util.Comparator.comparingDouble(Number::doubleValue));
        return added;
    }

    private Node picker() {
        TextField indices = new TextField();
        indices.setPromptText("e.g. 3, 10-12");
        indices.setPrefColumnCount(8);
        Button add = new Button("Add");
        add.setOnAction(e -> viewModel.addIndices(indices.getText()));
        indices.setOnAction(e -> viewModel.addIndices(indices.getText()));
        Button fromMap = new Button("Use map selection");
        fromMap.setOnAction(e -> viewModel.useMapSelection());
        CheckBox follow = new CheckBox("follow");
        follow.selectedProperty().bindBidirectional(viewModel.followMapSelectionProperty());
        Button previous = new Button("◀");
        previous.setOnAction(e -> viewModel.previousPage());
        Button next = new Button("▶");
        next.setOnAction(e -> viewModel.nextPage());
        Label page = new Label();
        viewModel.pageProperty().addListener((obs, old, now) -> page.setText(now.length == 0 ? ""
                : "test " + now[0] + "–" + now[now.length - 1]));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> viewModel.clearChosen());
        Label chosen = new Label();
        chosen.setWrapText(true);
        viewModel.chosenProperty().addListener((ListChangeListener<Integer>) change -> chosen.setText(
                "Rows: " + viewModel.chosenProperty().stream().map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b).orElse("none")));
        chosen.setText("Rows: none");
        thumbnails.setPrefColumns(6);
        thumbnails.setPrefTileWidth(34);
        ScrollPane scroll = new ScrollPane(thumbnails);
        scroll.setPrefViewportHeight(300);
        scroll.setFitToWidth(true);
        Label hint = new Label("Click thumbnails to add or remove rows.");
        hint.getStyleClass().add("hint");
        VBox box = new VBox(6, new Label("Test images"), new HBox(4, indices, add), new HBox(4, fromMap, follow),
                hint, scroll, new HBox(4, previous, page, next), new HBox(4, clear), chosen);
        box.setPadding(new Insets(8));
        box.setPrefWidth(250);
        return box;
    }

    private Node statusLine() {
        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(viewModel.errorProperty());
        VBox box = new VBox(2, status, error);
        box.setPadding(new Insets(4, 10, 4, 10));
        return box;
    }

    private void rebuildThumbnails() {
        thumbnails.getChildren().clear();
        CifarDataset dataset = viewModel.testImagesProperty().get();
        if (dataset == null) {
            return;
        }
        for (int index : viewModel.pageProperty().get()) {
            ImageView view = new ImageView(image(ShapViewModel.imagePixels(dataset.rgbPixels(index), 32, THUMB_ZOOM),
                    32 * THUMB_ZOOM));
            StackPane tile = new StackPane(view);
            boolean picked = viewModel.chosenProperty().contains(index);
            tile.setStyle(picked ? "-fx-border-color: #ff0051; -fx-border-width: 2;"
                    : "-fx-border-color: transparent; -fx-border-width: 2;");
            Tooltip.install(tile, new Tooltip("test " + index + ": " + dataset.className(index)));
            tile.setOnMouseClicked(e -> viewModel.toggle(index));
            thumbnails.getChildren().add(tile);
        }
    }

    private void rebuildResults() {
        results.getChildren().clear();
        List<String> names = viewModel.classNamesProperty();
        List<ShapRow> rows = viewModel.rowsProperty();
        if (rows.isEmpty()) {
            Label empty = new Label("No explanation yet: open a run, pick test images on the left, press Explain.");
            empty.getStyleClass().add("hint");
            results.add(empty, 0, 0);
            return;
        }
        results.add(bold("image"), 0, 0);
        for (int c = 0; c < names.size(); c++) {
            Label header = bold(names.get(c));
            header.getStyleClass().add("shap-class-header");
            results.add(header, c + 1, 0);
            GridPane.setHalignment(header, javafx.geometry.HPos.CENTER);
        }
        for (int r = 0; r < rows.size(); r++) {
            ShapRow row = rows.get(r);
            int gridRow = r + 1;
            ImageView picture = new ImageView(image(ShapViewModel.imagePixels(row.rgb(), row.side(), CELL_ZOOM),
                    row.side() * CELL_ZOOM));
            Label caption = new Label("#" + row.datasetIndex() + " " + row.trueClass());
            results.add(new VBox(2, caption, picture), 0, gridRow);
            for (int c = 0; c < row.classes(); c++) {
                Label probability = new Label(String.format(Locale.ROOT, "p = %.2f", row.probabilities()[c]));
                probability.getStyleClass().add("shap-probability");
                if (c == row.predictedClass()) {
                    probability.setStyle("-fx-font-weight: bold; -fx-text-fill: #c62828;");
                }
                ImageView cell = new ImageView(image(viewModel.cellPixels(row, c, CELL_ZOOM),
                        row.side() * CELL_ZOOM));
                cell.getStyleClass().add("shap-cell");
                VBox box = new VBox(2, probability, cell);
                box.setAlignment(Pos.CENTER);
                Tooltip.install(box, new Tooltip(names.get(c) + ": " + row.sums().get(c)));
                results.add(box, c + 1, gridRow);
            }
            results.add(colourBar(row.scale(), row.side() * CELL_ZOOM), row.classes() + 1, gridRow);
        }
        Label legend = new Label("red raises the class score, blue lowers it; one colour scale per row (max |value|). "
                + rows.get(0).description());
        legend.getStyleClass().add("hint");
        results.add(legend, 0, rows.size() + 1, names.size() + 2, 1);
    }

    private Node colourBar(float scale, int height) {
        int width = 12;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            int colour = org.simsiamexplorer.app.shap.AttributionColors.barColor(1 - 2.0 * y / (height - 1), 1.0);
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = colour;
            }
        }
        WritableImage bar = new WritableImage(width, height);
        bar.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        Label top = new Label(String.format(Locale.ROOT, "+%.3g", scale));
        Label bottom = new Label(String.format(Locale.ROOT, "−%.3g", scale));
        top.setStyle("-fx-font-size: 10px;");
        bottom.setStyle("-fx-font-size: 10px;");
        top.getStyleClass().add("shap-scale-top");
        bottom.getStyleClass().add("shap-scale-bottom");
        BorderPane box = new BorderPane(new ImageView(bar));
        box.setTop(top);
        box.setBottom(bottom);
        return box;
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the SHAP grid as PNG");
        chooser.setInitialFileName("shap.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                writePng(file);
            } catch (IOException e) {
                viewModel.reportError("Could not write " + file + ": " + e.getMessage());
            }
        }
    }

    /** Writes the result grid as it is shown (for Export and tests). */
    public void writePng(File file) throws IOException {
        WritableImage snapshot = results.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(snapshot, null), "png", file)) {
            throw new IOException("no PNG writer available");
        }
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static WritableImage image(int[] argb, int side) {
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        return image;
    }
}
