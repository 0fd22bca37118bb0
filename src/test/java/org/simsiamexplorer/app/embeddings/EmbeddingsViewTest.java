package org.simsiamexplorer.app.embeddings;

import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.analysis.map.WorldBounds;
import org.simsiamexplorer.service.MapLayouts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class EmbeddingsViewTest {
    @TempDir
    static Path runs;

    private EmbeddingsViewModel viewModel;
    private EmbeddingsView view;

    @Start
    void start(Stage stage) throws IOException {
        SyntheticRuns.writeRun(runs, "a-stop-gradient-on", 30, 8, 1, 1);
        SyntheticRuns.writeRun(runs, "b-stop-gradient-off", 30, 8, 2, 7);
        viewModel = new EmbeddingsViewModel(Runnable::run, Runnable::run,
                new MapLayouts(new SyntheticRuns.FirstTwoDimensions(3)), SyntheticRuns.realStatistics(),
                split -> SyntheticRuns.flatImages(2000));
        view = new EmbeddingsView(viewModel);
        stage.setScene(new Scene(view.root(), 1200, 740));
        stage.show();
        viewModel.openRunsFolder(runs);
    }

    private ScatterCanvas canvasA() {
        return view.primaryPanel().canvas();
    }

    /** A row whose point has no other point within a few pixels, so a click cannot hit a neighbour instead. */
    private static int isolatedRow(ScatterCanvas canvas, MapData data) {
        for (int row = 0; row < data.rows(); row++) {
            Point2D p = canvas.positionOf(row);
            boolean alone = true;
            for (int other = 0; other < data.rows() && alone; other++) {
                alone = other == row || canvas.positionOf(other).distance(p) > 8;
            }
            if (alone && p.getX() > 20 && p.getY() > 20) {
                return row;
            }
        }
        throw new AssertionError("no isolated point in the test map");
    }

    private static Point2D onScreen(ScatterCanvas canvas, int row) {
        return canvas.localToScreen(canvas.positionOf(row));
    }

    @Test
    void clickingAPointShowsThatImagesIndexAndClass(FxRobot robot) {
        MapData data = viewModel.primary().dataProperty().get();
        int row = isolatedRow(canvasA(), data);
        robot.clickOn(onScreen(canvasA(), row));
        WaitForAsyncUtils.waitForFxEvents();
        Label index = robot.lookup("#detailIndex").queryAs(Label.class);
        Label trueClass = robot.lookup("#detailClass").queryAs(Label.class);
        assertEquals("Image #" + data.datasetIndex(row) + " (test set)", index.getText());
        assertEquals("True class: " + SyntheticRuns.CLASS_NAMES.get(data.label(row)), trueClass.getText());
        assertEquals(row, viewModel.primary().selectedRowProperty().get());
        assertEquals(EmbeddingsViewModel.NEIGHBOURS, robot.lookup("#detailNeighbours").queryAs(
                javafx.scene.layout.TilePane.class).getChildren().size());
    }

    @Test
    void wheelAndKeysChangeTheVisibleExtent(FxRobot robot) {
        WorldBounds before = canvasA().visibleWorld();
        robot.moveTo(canvasA()).scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        WorldBounds afterWheel = canvasA().visibleWorld();
        assertNotEquals(before.width(), afterWheel.width(), 1e-9);

        robot.interact(canvasA()::requestFocus);
        robot.press(KeyCode.DIGIT0).release(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        WorldBounds fitted = canvasA().visibleWorld();
        WorldBounds data = viewModel.primary().dataProperty().get().grid().bounds();
        assertTrue(fitted.contains(data.minX(), data.minY()) && fitted.contains(data.maxX(), data.maxY()),
                "0 fits all points again");
        robot.press(KeyCode.ADD).release(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted.width() / 1.25, canvasA().visibleWorld().width(), 1e-6, "+ zooms in");
    }

    @Test
    void hidingAClassRemovesItsPointsFromPicking(FxRobot robot) {
        MapData data = viewModel.primary().dataProperty().get();
        int row = isolatedRow(canvasA(), data);
        Point2D local = canvasA().positionOf(row);
        assertEquals(row, canvasA().pickAt(local.getX(), local.getY()));

        robot.clickOn("#mapA-legend-" + data.label(row));
        WaitForAsyncUtils.waitForFxEvents();
        int picked = canvasA().pickAt(local.getX(), local.getY());
        assertNotEquals(row, picked);
        assertTrue(picked == -1 || data.label(picked) != data.label(row), "no point of the hidden class is picked");

        robot.clickOn("#mapA-legend-" + data.label(row));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(row, canvasA().pickAt(local.getX(), local.getY()), "showing the class again restores it");
    }

    @Test
    void selectingInOneMapHighlightsTheSameImageInTheOther(FxRobot robot) {
        robot.clickOn("#compareToggle");
        WaitForAsyncUtils.waitForFxEvents();
        MapData a = viewModel.primary().dataProperty().get();
        MapData b = viewModel.secondary().dataProperty().get();
        int row = 5;
        int chosen = row;
        robot.interact(() -> viewModel.select(viewModel.primary(), chosen));
        WaitForAsyncUtils.waitForFxEvents();
        int counterpart = viewModel.secondary().selectedRowProperty().get();
        assertEquals(b.rowOf(a.datasetIndex(row)), counterpart);
        assertEquals(a.datasetIndex(row), b.datasetIndex(counterpart));
        assertNotEquals(row, counterpart, "the same image sits in a different row of the other run");
    }

    @Test
    void exportWritesTheMapAsAPng(FxRobot robot, @TempDir Path out) throws Exception {
        Path file = out.resolve("map.png");
        robot.interact(() -> {
            try {
                view.exportPng(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file.toFile());
        assertTrue(image.getWidth() > 300 && image.getHeight() > 300, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void hoveringAPointShowsItsThumbnailAndClass(FxRobot robot) {
        MapData data = viewModel.primary().dataProperty().get();
        int row = isolatedRow(canvasA(), data);
        robot.moveTo(onScreen(canvasA(), row));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.VBox tip = robot.lookup(".map-hover-tip").queryAs(javafx.scene.layout.VBox.class);
        assertTrue(tip.isVisible());
        Label caption = (Label) tip.getChildren().get(1);
        assertEquals("#" + data.datasetIndex(row) + " " + SyntheticRuns.CLASS_NAMES.get(data.label(row)),
                caption.getText());
    }

    @Test
    void theFeatureChoiceShowsTheOpenFeatureSetAfterSwitchingRuns(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> features = robot.lookup("#mapA-features")
                .queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("test-epoch-0003", features.getValue());
        robot.interact(() -> viewModel.showRun(viewModel.primary(), "b-stop-gradient-off"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("b-stop-gradient-off", viewModel.primary().runProperty().get().name());
        assertEquals("test-epoch-0003", features.getValue());
    }
}
