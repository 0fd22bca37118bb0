package org.simsiamexplorer.app;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) {
        OfflineEngineSettings.apply();
        MainWindow window = new MainWindow(Runnable::run, stage);
        stage.setScene(new Scene(window.root(), 1000, 700));
        stage.show();
        window.startBackgroundProbes();
    }

    @Test
    void showsTheFeatureTabsInOrder(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        List<String> titles = tabs.getTabs().stream().map(Tab::getText).toList();
        assertEquals(List.of("Start", "Training", "Embeddings", "SHAP"), titles);
    }

    @Test
    void statusBarNamesTheDetectedComputeDevice(FxRobot robot) throws Exception {
        Label device = robot.lookup("#deviceLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> device.getText().contains("PyTorch"));
        assertTrue(device.getText().startsWith("CPU · PyTorch 2.0.1"), device.getText());
    }
}
