package org.simsiamexplorer.app;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.simsiamexplorer.app.embeddings.EmbeddingsView;
import org.simsiamexplorer.app.embeddings.EmbeddingsViewModel;
import org.simsiamexplorer.app.shap.CifarShapSources;
import org.simsiamexplorer.app.shap.ShapView;
import org.simsiamexplorer.app.shap.ShapViewModel;
import org.simsiamexplorer.app.training.FolderMemory;
import org.simsiamexplorer.app.training.TrainingView;
import org.simsiamexplorer.app.training.TrainingViewModel;
import org.simsiamexplorer.app.welcome.WelcomeView;
import org.simsiamexplorer.app.welcome.WelcomeViewModel;
import org.simsiamexplorer.service.SimSiamTrainingService;
import org.simsiamexplorer.service.TrainingService;

import java.util.concurrent.Executor;

/** Assembles the tabs and the status bar; each tab owns its own view model. */
final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StatusBarViewModel statusBar;
    private final WelcomeViewModel welcome;
    private final EmbeddingsViewModel embeddings;
    private final TrainingView training;
    /** The images picked in one tab (the embedding map publishes, the SHAP tab follows). */
    private final SelectionModel selection = new SelectionModel();
    private final ShapViewModel shap;

    MainWindow(Executor background, Stage stage) {
        this(background, stage, SimSiamTrainingService.standard(), FolderMemory.userPreferences());
    }

    MainWindow(Executor background, Stage stage, TrainingService trainingService, FolderMemory runsFolder) {
        Executor fxThread = javafx.application.Platform::runLater;
        statusBar = new StatusBarViewModel(background, fxThread);
        welcome = new WelcomeViewModel(background, fxThread);
        embeddings = EmbeddingsViewModel.standard(background, fxThread);
        embeddings.publishSelectionsTo(selection);
        training = new TrainingView(new TrainingViewModel(trainingService, background, fxThread, runsFolder,
                System::currentTimeMillis));
        shap = new ShapViewModel(new CifarShapSources(), selection, background, fxThread);
        if (stage != null) {
            stage.setOnCloseRequest(event -> training.onCloseRequest(event, stage));
        }

        TabPane tabs = new TabPane(
                tab("Start", new WelcomeView(welcome, stage).root()),
                tab("Training", training.root()),
                tab("Embeddings", new EmbeddingsView(embeddings).root()),
                tab("SHAP", new ShapView(shap).root()));
        Tab shapTab = tabs.getTabs().get(3);
        shapTab.selectedProperty().addListener((obs, was, now) -> {
            if (now && shap.testImagesProperty().get() == null) {
                shap.loadTestImages();
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("mainTabs");
        root.setCenter(tabs);
        root.setBottom(statusBar());
    }

    /** Shared selection between tabs (for the embeddings tab to publish its map selection to). */
    SelectionModel selection() {
        return selection;
    }

    Parent root() {
        return root;
    }

    void startBackgroundProbes() {
        statusBar.detectDevice();
        welcome.refreshDataset();
        java.nio.file.Path runs = java.nio.file.Path.of(System.getProperty("simsiam.runs", "runs"));
        if (java.nio.file.Files.isDirectory(runs)) {
            embeddings.openRunsFolder(runs.toAbsolutePath());
        }
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }

    private HBox statusBar() {
        Label device = new Label();
        device.setId("deviceLabel");
        device.textProperty().bind(statusBar.deviceTextProperty());
        Label message = new Label();
        message.textProperty().bind(statusBar.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, message, spacer, device);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }
}
