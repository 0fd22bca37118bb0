package org.simsiamexplorer.app.training;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.service.SyntheticTrainingData;
import org.simsiamexplorer.service.KnnScorer;
import org.simsiamexplorer.service.RunDirectory;
import org.simsiamexplorer.service.RunState;
import org.simsiamexplorer.service.SimSiamTrainingService;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingListener;
import org.simsiamexplorer.service.TrainingService;
import org.simsiamexplorer.service.TrainingSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tab driving the real DJL training service on tiny synthetic data (a 1/16-width ResNet-18, batch 8, d = 32,
 * 3 steps per epoch, CPU): the loss chart gains points and the run reaches FINISHED.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewRealServiceTest {
    private static final int STEPS_PER_EPOCH = 3;
    @TempDir
    static Path runsRoot;
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-background");
        thread.setDaemon(true);
        return thread;
    });
    private TrainingViewModel viewModel;

    /** The form has no width or subset fields, so the test shrinks the model on its way to the service. */
    private static TrainingService tiny(TrainingService real) {
        return new TrainingService() {
            @Override
            public TrainingSession start(TrainingConfig config, Path root, TrainingListener listener)
                    throws IOException {
                return real.start(config.withWidthMultiplier(0.0625).withTrainSubset(0).withKnn(0, 0)
                        .withDevice("cpu"), root, listener);
            }

            @Override
            public TrainingSession resume(Path runDirectory, TrainingListener listener) throws IOException {
                return real.resume(runDirectory, listener);
            }
        };
    }

    @Start
    void start(Stage stage) {
        TrainingService service = tiny(new SimSiamTrainingService(SyntheticTrainingData.factory(STEPS_PER_EPOCH),
                KnnScorer.UNAVAILABLE));
        FolderMemory memory = FolderMemory.inMemory();
        memory.save(runsRoot);
        viewModel = new TrainingViewModel(service, background, Platform::runLater, memory, System::currentTimeMillis);
        stage.setScene(new Scene(new TrainingView(viewModel).root(), 1200, 780));
        stage.show();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void aTinyRealRunFillsTheLossChartAndFinishes(FxRobot robot) throws Exception {
        robot.interact(() -> {
            viewModel.form().epochsProperty().set("2");
            viewModel.form().batchSizeProperty().set("8");
            viewModel.form().latentDimProperty().set(32);
        });
        String name = viewModel.form().nameProperty().get();
        robot.clickOn("#startButton");
        LineChartCanvas loss = robot.lookup("#lossChart").queryAs(LineChartCanvas.class);
        Label state = robot.lookup("#sessionState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> state.getText().equals(RunState.FINISHED.name())
                || state.getText().equals(RunState.FAILED.name()));
        assertEquals(RunState.FINISHED.name(), state.getText(),
                robot.lookup("#sessionMessage").queryAs(Label.class).getText());
        int expectedPoints = 2 * 2 * STEPS_PER_EPOCH;
        try {
            // redraws are coalesced (~7/s), so the last step can reach the chart after FINISHED reaches the label
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> loss.drawnPoints() > 0 && loss.dataPoints() == expectedPoints);
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below reports what the chart holds
        }
        assertEquals(expectedPoints, loss.dataPoints(), "raw and smoothed loss for 2 x 3 steps");
        RunDirectory run = new RunDirectory(runsRoot.resolve(name));
        assertEquals(RunState.FINISHED, run.readStatus().orElseThrow().state());
        assertEquals(2, viewModel.activeRunProperty().get().curves().collapseStd().size());
        assertTrue(robot.lookup("#noticeText").queryAs(Label.class).getText().contains("finished"));
    }
}
