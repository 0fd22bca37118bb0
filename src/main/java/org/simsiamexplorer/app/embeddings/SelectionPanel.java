package org.simsiamexplorer.app.embeddings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

import java.util.function.IntFunction;

/** The images inside a rectangle or lasso selection, as a grid, and their class histogram. */
final class SelectionPanel {
    /** Enough to browse; more thumbnails would only slow the panel down. */
    private static final int MAX_THUMBNAILS = 240;
    private static final int CLASSES = 10;

    private final VBox root = new VBox(6);
    private final Label summary = new Label("Shift+drag: rectangle · Ctrl+drag: lasso · Esc: clear");
    private final VBox histogram = new VBox(2);
    private final TilePane grid = new TilePane(2, 2);
    private final EmbeddingsViewModel tab;
    private final IntFunction<String> classNames;

    SelectionPanel(EmbeddingsViewModel tab, IntFunction<String> classNames) {
        this.tab = tab;
        this.classNames = classNames;
        root.setId("selectionPanel");
        root.setPadding(new Insets(8));
        summary.setId("selectionSummary");
        summary.setWrapText(true);
        grid.setPrefColumns(6);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(260);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(summary, histogram, scroll);
        tab.primary().areaSelectionProperty().addListener((obs, old, rows) -> show(tab.primary(), rows));
        tab.secondary().areaSelectionProperty().addListener((obs, old, rows) -> show(tab.secondary(), rows));
    }

    private void show(MapViewModel map, int[] rows) {
        grid.getChildren().clear();
        histogram.getChildren().clear();
        MapData data = map.dataProperty().get();
        if (rows.length == 0 || data == null) {
            summary.setText("Shift+drag: rectangle · Ctrl+drag: lasso · Esc: clear");
            return;
        }
        summary.setText(rows.length + " images selected" + (rows.length > MAX_THUMBNAILS
                ? " (showing the first " + MAX_THUMBNAILS + ")" : ""));
        int[] counts = map.areaHistogram(CLASSES);
        int max = 1;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        for (int c = 0; c < CLASSES; c++) {
            Label name = new Label(classNames.apply(c));
            name.setMinWidth(80);
            Region bar = new Region();
            bar.setPrefSize(1 + 150.0 * counts[c] / max, 12);
            bar.setMinWidth(Region.USE_PREF_SIZE);
            bar.setStyle("-fx-background-color: " + ClassPalette.css(c) + ";");
            Label count = new Label(Integer.toString(counts[c]));
            count.setId("histogram-" + c);
            HBox line = new HBox(4, name, bar, count);
            line.setAlignment(Pos.CENTER_LEFT);
            histogram.getChildren().add(line);
        }
        ImageSource images = tab.imageSource(data.split());
        for (int i = 0; i < Math.min(rows.length, MAX_THUMBNAILS); i++) {
            int row = rows[i];
            ImageView thumb = new ImageView(Thumbnails.enlarged(images.rgbPixels(data.datasetIndex(row)), 1));
            thumb.setOnMouseClicked(e -> tab.select(map, row));
            grid.getChildren().add(thumb);
        }
    }

    VBox root() {
        return root;
    }
}
