package org.simsiamexplorer.app.welcome;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Tells a new user what to do next: get the dataset, then start or open a run. */
public final class WelcomeView {
    private final VBox root = new VBox(14);

    public WelcomeView(WelcomeViewModel viewModel, Stage owner) {
        Label title = new Label("Welcome to SimSiam Explorer");
        title.getStyleClass().add("welcome-title");
        Label dataset = new Label();
        dataset.setId("datasetStatus");
        dataset.textProperty().bind(viewModel.datasetStatusProperty());
        Label steps = new Label("""
                1. Get the data: download CIFAR-10 (163 MB) or choose a folder that holds cifar-10-batches-bin.
                2. Train: open the Training tab and start a run (the cpu-demo preset takes about 10 minutes on a laptop).
                3. Look inside: open a run folder (also ones written by the `simsiam` CLI on a GPU box) in the Embeddings and SHAP tabs.""");
        steps.getStyleClass().add("welcome-step");
        root.getChildren().addAll(title, dataset, steps);
        root.setPadding(new Insets(24));
    }

    public Parent root() {
        return root;
    }
}
