package org.simsiamexplorer.app.embeddings;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** The selected image, enlarged and pixelated, with its class, the classifier's guess and its nearest neighbours. */
final class DetailPanel {
    private final VBox root = new VBox(6);
    private final ImageView image = new ImageView();
    private final Label index = new Label();
    private final Label trueClass = new Label();
    private final Label prediction = new Label();
    private final TilePane neighbours = new TilePane(4, 4);
    private final EmbeddingsViewModel viewModel;

    DetailPanel(EmbeddingsViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("detailPanel");
        root.setPadding(new Insets(8));
        index.setId("detailIndex");
        trueClass.setId("detailClass");
        prediction.setId("detailPrediction");
        neighbours.setId("detailNeighbours");
        neighbours.setPrefColumns(4);
        image.setId("detailImage");
        image.setFitWidth(160);
        image.setFitHeight(160);
        Label hint = new Label("Click a point to see its image.");
        hint.getStyleClass().add("hint");
        Label neighboursTitle = new Label("8 nearest in feature space (cosine):");
        root.getChildren().addAll(hint, image, index, trueClass, prediction, neighboursTitle, neighbours);
        viewModel.detailProperty().addListener((obs, old, detail) -> show(detail));
        show(null);
    }

    private void show(EmbeddingsViewModel.Detail detail) {
        boolean empty = detail == null;
        image.setImage(empty ? null : Thumbnails.enlarged(
                viewModel.imageSource(detail.split()).rgbPixels(detail.datasetIndex()), 5));
        index.setText(empty ? "" : "Image #" + detail.datasetIndex() + " (" + detail.split() + " set)");
        trueClass.setText(empty ? "" : "True class: " + detail.className());
        prediction.setText(empty ? "" : detail.prediction() == null ? "Classifier: no classifier yet"
                : "Classifier predicts: " + detail.prediction()
                + (detail.prediction().startsWith(detail.className() + " ") ? " ✓" : " ✗"));
        neighbours.getChildren().clear();
        if (empty) {
            return;
        }
        ImageSource images = viewModel.imageSource(detail.split());
        for (int neighbour : detail.neighbours()) {
            ImageView thumb = new ImageView(Thumbnails.enlarged(images.rgbPixels(neighbour), 2));
            thumb.setId("neighbour-" + neighbour);
            Tooltip.install(thumb, new Tooltip("#" + neighbour));
            thumb.setOnMouseClicked(e -> viewModel.selectDatasetIndex(detail.source(), neighbour));
            thumb.setStyle("-fx-cursor: hand;");
            neighbours.getChildren().add(thumb);
        }
    }

    VBox root() {
        return root;
    }
}
