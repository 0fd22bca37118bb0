package org.simsiamexplorer.app.welcome;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.nio.file.Path;

/** Tells a new user what to do next: get the dataset, then start or open a run. */
public final class WelcomeView {
    private final VBox root = new VBox(14);

    public WelcomeView(WelcomeViewModel viewModel, Stage owner) {
        Label title = new Label("Welcome to SimSiam Explorer");
        title.getStyleClass().add("welcome-title");
        Label dataset = new Label();
        dataset.setId("datasetStatus");
        dataset.setWrapText(true);
        dataset.textProperty().bind(viewModel.datasetStatusProperty());

        Button download = new Button("Download CIFAR-10");
        download.setId("downloadButton");
        download.disableProperty().bind(viewModel.downloadingProperty().or(viewModel.busyProperty()));
        download.setOnAction(event -> viewModel.startDownload());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelDownloadButton");
        cancel.visibleProperty().bind(viewModel.downloadingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> viewModel.cancelDownload());
        Button choose = new Button("Choose folder…");
        choose.setId("chooseFolderButton");
        choose.disableProperty().bind(viewModel.downloadingProperty().or(viewModel.busyProperty()));
        choose.setOnAction(event -> chooseFolder(viewModel, owner));

        ProgressBar progress = new ProgressBar();
        progress.setId("downloadProgress");
        progress.setPrefWidth(280);
        progress.progressProperty().bind(viewModel.downloadProgressProperty());
        progress.visibleProperty().bind(viewModel.downloadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = new Label();
        progressText.setId("downloadText");
        progressText.getStyleClass().add("hint");
        progressText.textProperty().bind(viewModel.downloadTextProperty());
        HBox actions = new HBox(10, download, choose, progress, cancel, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("datasetError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Label steps = new Label("""
                1. Get the data: download CIFAR-10 (163 MB) or choose a folder that holds cifar-10-batches-bin.
                2. Train: open the Training tab and start a run (the cpu-demo preset takes 5 to 10 minutes on a laptop).
                3. Look inside: open a run folder (also ones written by the `simsiam` CLI on a GPU box) in the Embeddings and SHAP tabs.""");
        steps.getStyleClass().add("welcome-step");
        root.getChildren().addAll(title, dataset, actions, error, steps);
        root.setPadding(new Insets(24));
    }

    private static void chooseFolder(WelcomeViewModel viewModel, Stage owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the folder that holds cifar-10-batches-bin");
        Path current = viewModel.datasetPathProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            viewModel.chooseFolder(chosen.toPath());
        }
    }

    public Parent root() {
        return root;
    }
}
