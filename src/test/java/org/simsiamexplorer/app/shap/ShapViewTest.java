package org.simsiamexplorer.app.shap;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.simsiamexplorer.app.SelectionModel;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.service.ExplanationListener;
import org.simsiamexplorer.service.ExplanationMethod;
import org.simsiamexplorer.service.ExplanationRequest;
import org.simsiamexplorer.service.ImageExplainer;
import org.simsiamexplorer.service.ImageExplanation;
import org.simsiamexplorer.service.PatchMask;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SHAP tab as drawn: the result grid, its colour scales and the settings controls (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class ShapViewTest {
    private final ScaledExplainer explainer = new ScaledExplainer();
    private ShapViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new ShapViewModel(new Sources(), new SelectionModel(), Runnable::run, Runnable::run);
        ShapView view = new ShapView(viewModel);
        stage.setScene(new Scene(view.root(), 1200, 760));
        stage.show();
        viewModel.loadTestImages();
        viewModel.openRun(Path.of("runs/demo"));
    }

    private void explain(FxRobot robot, String indices) {
        robot.interact(() -> {
            viewModel.addIndices(indices);
            viewModel.explain();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theGridHasOneColumnPerClassWithTheClassProbabilityAboveEachCell(FxRobot robot) {
        explain(robot, "3 7");

        List<Label> headers = sortedByX(robot.lookup(".shap-class-header").queryAllAs(Label.class));
        assertEquals(Cifar10.CLASS_NAMES, headers.stream().map(Label::getText).toList());
        for (int row = 1; row <= 2; row++) {
            int image = row == 1 ? 3 : 7;
            for (int c = 0; c < 10; c++) {
                Label probability = (Label) nodeIn(robot, ".shap-probability", c + 1, row);
                ImageView cell = (ImageView) nodeIn(robot, ".shap-cell", c + 1, row);
                assertEquals(String.format(Locale.ROOT, "p = %.2f", ScaledExplainer.probability(image, c)),
                        probability.getText());
                assertTrue(probability.localToScene(0, 0).getY() < cell.localToScene(0, 0).getY(),
                        "probability of class " + c + " is not above its cell");
                double headerX = headers.get(c).localToScene(headers.get(c).getBoundsInLocal()).getCenterX();
                double cellX = cell.localToScene(cell.getBoundsInLocal()).getCenterX();
                assertEquals(headerX, cellX, 2, "class " + c + "'s cell is not under its header");
            }
        }
    }

    @Test
    void eachRowHasOneSymmetricColourScaleSpanningItsLargestValueOverAllClasses(FxRobot robot) {
        explain(robot, "3 7");
        robot.interact(() -> viewModel.opacityProperty().set(1.0));
        WaitForAsyncUtils.waitForFxEvents();

        for (int row = 1; row <= 2; row++) {
            int image = row == 1 ? 3 : 7;
            float scale = ScaledExplainer.scale(image);
            Label top = (Label) nodeIn(robot, ".shap-scale-top", 11, row);
            Label bottom = (Label) nodeIn(robot, ".shap-scale-bottom", 11, row);
            assertEquals(String.format(Locale.ROOT, "+%.3g", scale), top.getText());
            assertEquals(String.format(Locale.ROOT, "−%.3g", scale), bottom.getText());
            for (int c = 0; c < 10; c++) {
                ImageView cell = (ImageView) nodeIn(robot, ".shap-cell", c + 1, row);
                int positive = cell.getImage().getPixelReader().getArgb(0, 0);
                int negative = cell.getImage().getPixelReader().getArgb(3, 0); // pixel 1, enlarged 3x
                double expected = (c + 1) / 10.0;
                assertEquals(expected, redStrength(positive), 0.01, "class " + c + ": +v is not red at v / scale");
                assertEquals(expected, blueStrength(negative), 0.01, "class " + c + ": -v is not blue at v / scale");
            }
        }
    }

    @Test
    void theControlsShowTheSettingsInUseAndPassSmoothingAndMaskOn(FxRobot robot) {
        robot.interact(() -> viewModel.samplesProperty().set(256));
        assertEquals(256, robot.lookup("#samplesChoice").queryAs(ComboBox.class).getValue());

        ComboBox<?> smoothing = robot.lookup("#smoothingChoice").queryAs(ComboBox.class);
        ComboBox<?> mask = robot.lookup("#maskChoice").queryAs(ComboBox.class);
        assertFalse(smoothing.isDisabled());
        assertTrue(mask.isDisabled(), "the mask is a patch SHAP setting");
        robot.interact(() -> choose(smoothing, 0.2));
        robot.interact(() -> viewModel.methodProperty().set(ExplanationMethod.PATCH_SHAP));
        assertTrue(smoothing.isDisabled(), "smoothing is an expected gradients setting");
        assertFalse(mask.isDisabled());
        robot.interact(() -> choose(mask, PatchMask.BACKGROUND_MEAN));

        explain(robot, "2");

        assertEquals(0.2, explainer.lastRequest.noiseStd(), 1e-12);
        assertEquals(PatchMask.BACKGROUND_MEAN, explainer.lastRequest.mask());
        assertEquals(256, explainer.lastRequest.samples());
    }

    @SuppressWarnings("unchecked")
    private static <T> void choose(ComboBox<T> box, Object value) {
        box.getSelectionModel().select((T) value);
    }

    /** The node with this style class in grid cell (column, row) of the result grid. */
    private static Node nodeIn(FxRobot robot, String styleClass, int column, int row) {
        GridPane grid = robot.lookup("#shapResults").queryAs(GridPane.class);
        for (Node child : grid.getChildren()) {
            Integer x = GridPane.getColumnIndex(child);
            Integer y = GridPane.getRowIndex(child);
            if (x != null && y != null && x == column && y == row) {
                Node found = child.lookup(styleClass);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no " + styleClass + " in grid cell " + column + ", " + row);
    }

    private static List<Label> sortedByX(java.util.Set<Label> labels) {
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparingDouble(l -> l.localToScene(0, 0).getX()));
        return sorted;
    }

    /** How far a pixel went from the grey image (150, as the image is black) towards red #FF0051 (green 0). */
    private static double redStrength(int argb) {
        return (150 - (argb >> 8 & 0xFF)) / 150.0;
    }

    /** The same towards blue #008BFB (red 0). */
    private static double blueStrength(int argb) {
        return (150 - (argb >> 16 & 0xFF)) / 150.0;
    }

    private final class Sources implements ShapSources {
        @Override
        public CifarDataset testImages() {
            return CifarDataset.of(new byte[20 * CifarDataset.IMAGE_BYTES], new byte[20], Cifar10.CLASS_NAMES);
        }

        @Override
        public ImageExplainer openClassifier(Path runRoot) {
            return explainer;
        }
    }

    /**
     * For image i and class c: pixel 0 is +(c+1)(i+1), pixel 1 is -(c+1)(i+1), the rest 0, so the row's largest
     * |value| is 10(i+1) (class 9) and class c's two pixels sit at +-(c+1)/10 of the scale. Probabilities differ
     * per class and image.
     */
    private static final class ScaledExplainer implements ImageExplainer {
        ExplanationRequest lastRequest;

        static float scale(int image) {
            return 10f * (image + 1);
        }

        static float probability(int image, int c) {
            return (c + 1 + image % 3) / (55f + 10 * (image % 3));
        }

        @Override
        public List<String> classNames() {
            return Cifar10.CLASS_NAMES;
        }

        @Override
        public String classifierName() {
            return "scaled fake";
        }

        @Override
        public List<ImageExplanation> explain(int[] testIndices, ExplanationRequest request,
                                              ExplanationListener listener, CancellationToken cancel) {
            lastRequest = request;
            List<ImageExplanation> results = new ArrayList<>();
            for (int index : testIndices) {
                float[][] maps = new float[10][1024];
                float[] probabilities = new float[10];
                for (int c = 0; c < 10; c++) {
                    maps[c][0] = (c + 1) * (index + 1);
                    maps[c][1] = -(c + 1) * (index + 1);
                    probabilities[c] = probability(index, c);
                }
                results.add(new ImageExplanation(index, 0, probabilities, maps, new float[10], new float[10], 32,
                        "scaled fake", 1));
            }
            return results;
        }

        @Override
        public void close() {
        }
    }
}
