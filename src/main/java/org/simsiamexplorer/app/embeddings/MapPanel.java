package org.simsiamexplorer.app.embeddings;

import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.util.function.IntFunction;

/** One map with its header (run, feature set, quality, progress) and its class legend (click hides a class). */
final class MapPanel {
    private static final int CLASSES = 10;

    private final BorderPane root = new BorderPane();
    private final ScatterCanvas canvas;
    private final MapViewModel map;
    private final ComboBox<String> runChoice = new ComboBox<>();
    private final ComboBox<String> featureChoice = new ComboBox<>();
    private final ToggleButton[] legendEntries = new ToggleButton[CLASSES];

    MapPanel(String id, EmbeddingsViewModel tab, MapViewModel map, IntFunction<Image> thumbnailOfRow,
             IntFunction<String> classNames) {
        this.map = map;
        root.setId(id);
        canvas = new ScatterCanvas(map, row -> tab.select(map, row), thumbnailOfRow, classNames);
        canvas.setId(id + "-canvas");

        runChoice.setItems(tab.runs());
        runChoice.setPromptText("run");
        runChoice.setId(id + "-run");
        map.runProperty().addListener((obs, old, run) -> runChoice.getSelectionModel().select(run == null ? null
                : run.name()));
        runChoice.setOnAction(e -> {
            String chosen = runChoice.getValue();
            if (chosen != null && (map.runProperty().get() == null || !chosen.equals(map.runProperty().get().name()))) {
                tab.showRun(map, chosen);
            }
        });
        featureChoice.setItems(map.featureStems());
        featureChoice.setPromptText("features");
        featureChoice.setId(id + "-features");
        featureChoice.setTooltip(new Tooltip("Evaluated feature sets of this run: split and epoch"));
        map.featureStemProperty().addListener((obs, old, stem) -> featureChoice.setValue(stem));
        // re-listing the stems (new run, Refresh) clears the combo's value: show the open one again
        map.featureStems().addListener((javafx.collections.ListChangeListener<String>) change ->
                featureChoice.setValue(map.featureStemProperty().get()));
        featureChoice.setOnAction(e -> {
            String chosen = featureChoice.getValue();
            if (chosen != null && !chosen.equals(map.featureStemProperty().get())) {
                map.open(chosen);
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setTooltip(new Tooltip("Look for feature sets a training run wrote since"));
        refresh.setOnAction(e -> map.refresh(false));

        Label quality = new Label();
        quality.setId(id + "-quality");
        quality.textProperty().bind(map.qualityTextProperty());
        quality.getStyleClass().add("map-quality");
        quality.setStyle("-fx-font-weight: bold;");
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(map.progressProperty());
        progress.visibleProperty().bind(map.busyProperty());
        progress.managedProperty().bind(map.busyProperty());
        progress.setPrefWidth(140);
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(map.busyProperty());
        cancel.managedProperty().bind(map.busyProperty());
        cancel.setOnAction(e -> map.cancel());
        Label status = new Label();
        status.setId(id + "-status");
        status.textProperty().bind(map.statusProperty());
        status.getStyleClass().add("hint");
        status.setWrapText(true);

        HBox sourceRow = new HBox(6, runChoice, featureChoice, refresh, progress, cancel);
        sourceRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(3, sourceRow, quality, status);
        header.setPadding(new Insets(4, 6, 4, 6));
        root.setTop(header);
        root.setCenter(canvas);
        root.setBottom(legend(classNames));
        BorderPane.setMargin(canvas, new Insets(0, 4, 0, 4));
    }

    private FlowPane legend(IntFunction<String> classNames) {
        FlowPane legend = new FlowPane(4, 4);
        legend.setPadding(new Insets(4, 6, 6, 6));
        for (int c = 0; c < CLASSES; c++) {
            int classIndex = c;
            ToggleButton entry = new ToggleButton(classNames.apply(c), new Circle(5, ClassPalette.color(c)));
            entry.setId(root.getId() + "-legend-" + c);
            entry.setSelected(true);
            entry.setFocusTraversable(false);
            entry.setTooltip(new Tooltip("Click: hide/show this class. Right-click: show only this class."));
            entry.setOnAction(e -> map.toggleClass(classIndex));
            entry.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.SECONDARY) {
                    map.showOnly(classIndex, CLASSES);
                }
            });
            legendEntries[c] = entry;
            legend.getChildren().add(entry);
        }
        map.hiddenClasses().addListener((SetChangeListener<Integer>) change -> {
            for (int c = 0; c < CLASSES; c++) {
                legendEntries[c].setSelected(!map.hiddenClasses().contains(c));
                legendEntries[c].setOpacity(legendEntries[c].isSelected() ? 1 : 0.45);
            }
        });
        return legend;
    }

    void renameClasses(IntFunction<String> classNames) {
        for (int c = 0; c < CLASSES; c++) {
            legendEntries[c].setText(classNames.apply(c));
        }
    }

    ScatterCanvas canvas() {
        return canvas;
    }

    BorderPane root() {
        return root;
    }

    static void grow(VBox box) {
        VBox.setVgrow(box, Priority.ALWAYS);
    }
}
