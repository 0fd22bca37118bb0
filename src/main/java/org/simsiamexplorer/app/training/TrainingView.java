package org.simsiamexplorer.app.training;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

import java.util.Optional;

/**
 * The Training tab: new-run form and runs list on the left, live progress and charts on the right, a banner for
 * notices on top. Polls the runs folder once a second so runs written by other processes update live.
 */
public final class TrainingView {
    private final BorderPane root = new BorderPane();
    private final TrainingViewModel viewModel;
    private final Timeline poller;
    private Runnable exitAction = Platform::exit;

    public TrainingView(TrainingViewModel viewModel) {
        this.viewModel = viewModel;
        VBox left = new VBox(10, new NewRunView(viewModel).root(), sessionLine(), new RunsView(viewModel).root());
        VBox.setVgrow(left.getChildren().get(2), Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setMinWidth(340);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        Region charts = (Region) new RunChartsView(viewModel).root();
        charts.setPadding(new Insets(8));
        SplitPane split = new SplitPane(leftScroll, charts);
        split.setDividerPositions(0.4);
        root.setTop(banner());
        root.setCenter(split);
        root.setId("trainingView");
        poller = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.poll()));
        poller.setCycleCount(Timeline.INDEFINITE);
        poller.play();
        viewModel.poll();
    }

    private Label sessionLine() {
        Label message = new Label();
        message.setId("sessionMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.sessionMessageProperty());
        Label state = new Label();
        state.setId("sessionState");
        state.textProperty().bind(viewModel.sessionStateProperty().asString());
        state.getStyleClass().add("state-badge");
        message.setGraphic(state);
        return message;
    }

    private HBox banner() {
        Label text = new Label();
        text.setId("noticeText");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.setOnAction(e -> viewModel.dismissNotice());
        close.getStyleClass().add("notice-close");
        HBox banner = new HBox(10, text, close);
        banner.setId("noticeBanner");
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
        viewModel.noticeProperty().addListener((obs, old, notice) -> {
            banner.setVisible(notice != null);
            banner.getStyleClass().removeAll("notice-info", "notice-warning", "notice-error");
            if (notice != null) {
                text.setText(notice.text());
                banner.getStyleClass().add("notice-" + notice.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return banner;
    }

    /**
     * For the window's close request: with an active run, asks whether to keep training in the background, stop
     * cleanly (checkpoint) or cancel. The decision's consequences live in the view model.
     */
    public void onCloseRequest(WindowEvent event, Stage stage) {
        if (!viewModel.closeNeedsDecision()) {
            return;
        }
        ButtonType keep = new ButtonType("Keep training in background until done", ButtonBar.ButtonData.YES);
        ButtonType stop = new ButtonType("Stop cleanly (checkpoint)", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "A training run is still active. Closing the window "
                + "can keep it training in the background (the app exits when it is done) or stop it cleanly with a "
                + "checkpoint, so that it can be resumed later.", keep, stop, cancel);
        alert.setHeaderText("A run is still training");
        alert.initOwner(stage);
        Optional<ButtonType> answer = alert.showAndWait();
        CloseChoice choice = answer.map(b -> b == keep ? CloseChoice.KEEP_TRAINING
                : b == stop ? CloseChoice.STOP_CLEANLY : CloseChoice.CANCEL).orElse(CloseChoice.CANCEL);
        event.consume();
        if (viewModel.close(choice, () -> exitAction.run())) {
            Platform.setImplicitExit(false);
            poller.stop();
            stage.hide();
        }
    }

    /** What ends the application once a run kept alive after closing is done (tests replace Platform::exit). */
    void setExitAction(Runnable exitAction) {
        this.exitAction = exitAction;
    }

    public Parent root() {
        return root;
    }
}
