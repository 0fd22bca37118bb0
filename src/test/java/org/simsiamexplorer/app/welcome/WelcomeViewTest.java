package org.simsiamexplorer.app.welcome;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.data.CifarDataException;
import org.simsiamexplorer.data.CifarLocator;
import org.simsiamexplorer.data.DownloadProgress;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class WelcomeViewTest {
    @TempDir
    Path cache;

    @Start
    void start(Stage stage) throws Exception {
        DatasetSetting nothingRemembered = new DatasetSetting() {
            @Override
            public Optional<Path> load() {
                return Optional.empty();
            }

            @Override
            public void save(Path folder) {
            }
        };
        WelcomeViewModel model = new WelcomeViewModel(Runnable::run, Runnable::run,
                new CifarLocator(name -> null, cache),
                (listener, cancel) -> {
                    listener.onProgress(new DownloadProgress(1_000_000, 4_000_000, 500_000));
                    throw new CifarDataException("The downloaded cifar-10-binary.tar.gz failed its MD5 check.");
                },
                folder -> folder, nothingRemembered);
        stage.setScene(new Scene(new WelcomeView(model, stage).root(), 900, 500));
        stage.show();
        model.refreshDataset();
    }

    @Test
    void showsWhereItLookedWhenTheDatasetIsMissing(FxRobot robot) {
        Label status = robot.lookup("#datasetStatus").queryAs(Label.class);

        assertTrue(status.getText().contains("not found") && status.getText().contains(cache.toString()),
                status.getText());
    }

    @Test
    void downloadButtonShowsProgressAndThenTheErrorMessage(FxRobot robot) {
        Label progressText = robot.lookup("#downloadText").queryAs(Label.class);
        List<String> shown = new CopyOnWriteArrayList<>();
        progressText.textProperty().addListener((obs, old, text) -> shown.add(text));

        robot.interact(() -> robot.lookup("#downloadButton").queryAs(Button.class).fire());

        assertTrue(shown.contains("1.0 MB of 4.0 MB · 0.5 MB/s"), shown.toString());
        Label error = robot.lookup("#datasetError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("The downloaded cifar-10-binary.tar.gz failed its MD5 check.", error.getText());
    }
}
