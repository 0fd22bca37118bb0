package org.simsiamexplorer.app.training;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.service.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tab in a real (headless) window: a short run from a fake service that trains on its own thread. */
@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    @TempDir
    static Path runsRoot;
    private final FakeTrainingService service = new FakeTrainingService();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-background");
        thread.setDaemon(true);
        return thread;
    });
    private TrainingViewModel viewModel;
    private TrainingView view;
    private Stage stage;
    private final java.util.concurrent.atomic.AtomicInteger exits = new java.util.concurrent.atomic.AtomicInteger();

    @Start
    void start(Stage stage) {
        service.autoRunStepsPerEpoch = 60;
        service.autoRunStepMillis = 3;
        FolderMemory memory = FolderMemory.inMemory();
        memory.save(runsRoot);
        viewModel = new TrainingViewModel(service, background, Platform::runLater, memory, System::currentTimeMillis);
        view = new TrainingView(viewModel);
        view.setExitAction(exits::incrementAndGet);
        this.stage = stage;
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(TrainingView.class.getResource("/org/simsiamexplorer/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
        // TestFX keeps implicit exit off itself (its stages come and go), so the close tests leave it off too
    }

    private void requestClose(FxRobot robot) {
        javafx.stage.WindowEvent close = new javafx.stage.WindowEvent(stage,
                javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST);
        WaitForAsyncUtils.asyncFx(() -> view.onCloseRequest(close, stage));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void closingDuringARunAsksAndCancelKeepsEverything(FxRobot robot) throws Exception {
        service.autoRunStepMillis = 20;
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.sessionStateProperty().get() == RunState.RUNNING);
        requestClose(robot);
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
        assertEquals(RunState.RUNNING, viewModel.sessionStateProperty().get());
        robot.interact(viewModel::stop);
    }

    @Test
    void closingDuringARunCanStopItCleanlyAndThenExits(FxRobot robot) throws Exception {
        service.autoRunStepMillis = 20;
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.sessionStateProperty().get() == RunState.RUNNING);
        requestClose(robot);
        robot.clickOn("Stop cleanly (checkpoint)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exits.get() == 1);
        assertEquals(RunState.STOPPED, viewModel.sessionStateProperty().get());
        assertFalse(stage.isShowing(), "the window went away at once");
        assertEquals(1, service.last().stopCalls);
    }

    @Test
    void aTinyRunFillsTheLossChartAndFinishes(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.form().epochsProperty().set("2"));
        robot.clickOn("#startButton");
        LineChartCanvas loss = robot.lookup("#lossChart").queryAs(LineChartCanvas.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loss.dataPoints() > 0 && loss.drawnPoints() > 0);
        Label state = robot.lookup("#sessionState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state.getText().equals(RunState.FINISHED.name()));
        WaitForAsyncUtils.waitForFxEvents();
        RunItem run = viewModel.activeRunProperty().get();
        assertEquals(120, run.curves().rawLoss().size(), "2 epochs x 60 steps");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> loss.dataPoints() == 2 * 120);
        assertEquals("finished", robot.lookup("#focusedRunStatus").queryAs(Label.class).getText());
        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals(1, table.getSelectionModel().getSelectedItems().size(), "the started run is selected");
        assertTrue(robot.lookup("#noticeText").queryAs(Label.class).getText().contains("finished"));
        LineChartCanvas collapse = robot.lookup("#collapseChart").queryAs(LineChartCanvas.class);
        assertTrue(collapse.dataPoints() >= 2, "collapse monitor has the epochs");
    }

    @Test
    void aBadValueIsFlaggedInPlaceAndDisablesStart(FxRobot robot) {
        TextField epochs = robot.lookup("#epochsField").queryAs(TextField.class);
        robot.interact(() -> epochs.setText("0"));
        Label message = robot.lookup("#epochsFieldError").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertTrue(message.getText().contains("at least 1"), message.getText());
        assertTrue(epochs.getStyleClass().contains("invalid"));
        assertTrue(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
        robot.interact(() -> epochs.setText("3"));
        assertFalse(message.isVisible());
        assertFalse(epochs.getStyleClass().contains("invalid"));
        assertFalse(robot.lookup("#startButton").queryAs(Button.class).isDisabled());
    }
}
