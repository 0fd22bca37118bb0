package org.simsiamexplorer.app.shap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simsiamexplorer.app.SelectionModel;
import org.simsiamexplorer.data.CancellationToken;
import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.service.ExplainedScore;
import org.simsiamexplorer.service.ExplanationCancelledException;
import org.simsiamexplorer.service.ExplanationListener;
import org.simsiamexplorer.service.ExplanationMethod;
import org.simsiamexplorer.service.ExplanationRequest;
import org.simsiamexplorer.service.ImageExplainer;
import org.simsiamexplorer.service.ImageExplanation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SHAP tab's state, on the test's thread (both executors run tasks immediately). */
class ShapViewModelTest {
    private final SelectionModel selection = new SelectionModel();
    private final FakeExplainer explainer = new FakeExplainer();
    private ShapViewModel viewModel;

    @BeforeEach
    void createViewModel() {
        viewModel = new ShapViewModel(new FixedSources(), selection, Runnable::run, Runnable::run);
        viewModel.loadTestImages();
        viewModel.openRun(Path.of("runs/demo"));
    }

    @Test
    void clickingAThumbnailAddsItAsARowAndClickingAgainRemovesIt() {
        viewModel.toggle(5);
        viewModel.toggle(9);
        viewModel.toggle(5);
        assertEquals(List.of(9), viewModel.chosenProperty());
    }

    @Test
    void moreThanTheMaximumRowsIsRefusedWithAMessage() {
        for (int i = 0; i < ShapViewModel.MAX_ROWS + 1; i++) {
            viewModel.toggle(i);
        }
        assertEquals(ShapViewModel.MAX_ROWS, viewModel.chosenProperty().size());
        assertTrue(viewModel.errorProperty().get().contains("At most"));
    }

    @Test
    void typedIndicesAndRangesAreAdded() {
        viewModel.addIndices(" 3, 10-12 7");
        assertEquals(List.of(3, 10, 11, 12, 7), viewModel.chosenProperty());
    }

    @Test
    void typedTextThatIsNotANumberChangesNothingAndSaysWhy() {
        viewModel.addIndices("3, cat");
        assertTrue(viewModel.chosenProperty().isEmpty());
        assertTrue(viewModel.errorProperty().get().contains("not a list"));
    }

    @Test
    void anIndexBeyondTheTestSetIsRefusedWithTheRange() {
        viewModel.addIndices("19, 20");
        assertTrue(viewModel.chosenProperty().isEmpty());
        assertTrue(viewModel.errorProperty().get().contains("0..19"), viewModel.errorProperty().get());
    }

    @Test
    void theEmbeddingMapsSelectionIsFollowedWhileFollowingIsOn() {
        selection.publish(SelectionModel.TEST_SPLIT, new int[] {4, 2}, "embedding map");
        assertEquals(List.of(4, 2), viewModel.chosenProperty());

        viewModel.followMapSelectionProperty().set(false);
        selection.publish(SelectionModel.TEST_SPLIT, new int[] {1}, "embedding map");
        assertEquals(List.of(4, 2), viewModel.chosenProperty());
    }

    @Test
    void aSelectionFromTheTrainingSplitIsNotExplained() {
        selection.publish("train", new int[] {4}, "embedding map");
        assertTrue(viewModel.chosenProperty().isEmpty());
        assertTrue(viewModel.errorProperty().get().contains("train"));
    }

    @Test
    void theStatusSaysHowCloselyTheAttributionsAddUpToTheScoreChange() {
        viewModel.addIndices("3");
        viewModel.explain();
        assertTrue(viewModel.statusProperty().get().contains("within 100.0 % (worst class)"),
                viewModel.statusProperty().get());
    }

    @Test
    void explainingPublishesOneRowPerImageWithItsOwnSymmetricScale() {
        viewModel.addIndices("3 8");
        viewModel.methodProperty().set(ExplanationMethod.PATCH_SHAP);
        viewModel.samplesProperty().set(256);
        viewModel.scoreProperty().set(ExplainedScore.PROBABILITY);

        viewModel.explain();

        assertEquals(new ExplanationRequest(ExplanationMethod.PATCH_SHAP, 256, 64, 8, ExplainedScore.PROBABILITY, 42),
                explainer.lastRequest);
        List<ShapRow> rows = viewModel.rowsProperty();
        assertEquals(List.of(3, 8), rows.stream().map(ShapRow::datasetIndex).toList());
        assertEquals(3 * 0.5f, rows.get(0).scale(), 1e-6);
        assertEquals(8 * 0.5f, rows.get(1).scale(), 1e-6);
        assertEquals(Cifar10.CLASS_NAMES.get(3), rows.get(0).trueClass());
        assertEquals(1.0, viewModel.progressProperty().get(), 1e-9);
        assertFalse(viewModel.runningProperty().get());
    }

    @Test
    void aCancelledExplanationKeepsThePreviousRows() {
        viewModel.addIndices("3");
        viewModel.explain();
        explainer.cancelNext = true;
        viewModel.addIndices("4");

        viewModel.explain();

        assertEquals(List.of(3), viewModel.rowsProperty().stream().map(ShapRow::datasetIndex).toList());
        assertTrue(viewModel.statusProperty().get().startsWith("Cancelled"));
        assertFalse(viewModel.runningProperty().get());
    }

    @Test
    void explainingWithoutAClassifierSaysWhatIsMissing() {
        ShapViewModel fresh = new ShapViewModel(new FixedSources(), selection, Runnable::run, Runnable::run);
        fresh.loadTestImages();
        fresh.addIndices("1");
        fresh.explain();
        assertTrue(fresh.errorProperty().get().contains("Open a run"));
    }

    @Test
    void aRunWithoutClassifierShowsTheLoadersMessage() {
        viewModel.openRun(Path.of("runs/empty"));
        assertEquals("no eval/linear in empty", viewModel.errorProperty().get());
    }

    @Test
    void cellsGetRedWherePositiveAndBlueWhereNegativeAtTheChosenOpacity() {
        viewModel.addIndices("3");
        viewModel.explain();
        ShapRow row = viewModel.rowsProperty().get(0);
        viewModel.opacityProperty().set(1.0);

        int[] pixels = viewModel.cellPixels(row, 0, 1);

        assertEquals(0xFF000000 | AttributionColors.RED, pixels[0]);
        assertEquals(0xFF000000 | AttributionColors.BLUE, pixels[1]);
    }

    @Test
    void pagesMoveThroughTheTestSetAndStopAtItsEnds() {
        assertEquals(20, viewModel.pageProperty().get().length);
        viewModel.nextPage();
        assertEquals(0, viewModel.pageProperty().get()[0]);
    }

    private static CifarDataset testSet() {
        byte[] pixels = new byte[20 * CifarDataset.IMAGE_BYTES];
        byte[] labels = new byte[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = (byte) (i % 10);
        }
        return CifarDataset.of(pixels, labels, Cifar10.CLASS_NAMES);
    }

    private final class FixedSources implements ShapSources {
        @Override
        public CifarDataset testImages() {
            return testSet();
        }

        @Override
        public ImageExplainer openClassifier(Path runRoot) throws IOException {
            if (runRoot.endsWith("empty")) {
                throw new IOException("no eval/linear in empty");
            }
            return explainer;
        }
    }

    /** Pixel 0 of every map is +index/2, pixel 1 is -index/2 (the row's largest |value|), the rest 0. */
    private static final class FakeExplainer implements ImageExplainer {
        ExplanationRequest lastRequest;
        boolean cancelNext;

        @Override
        public List<String> classNames() {
            return Cifar10.CLASS_NAMES;
        }

        @Override
        public String classifierName() {
            return "fake";
        }

        @Override
        public List<ImageExplanation> explain(int[] testIndices, ExplanationRequest request,
                                              ExplanationListener listener, CancellationToken cancel) {
            lastRequest = request;
            if (cancelNext) {
                throw new ExplanationCancelledException();
            }
            List<ImageExplanation> results = new ArrayList<>();
            for (int n = 0; n < testIndices.length; n++) {
                int index = testIndices[n];
                float[][] maps = new float[10][1024];
                for (float[] map : maps) {
                    map[0] = index * 0.5f;
                    map[1] = -index * 0.5f;
                }
                float[] probabilities = new float[10];
                probabilities[index % 10] = 1;
                float[] inputScores = new float[10];
                inputScores[0] = 2; // class 0's maps add up to 0, not to 2 - 0: a completeness gap of 100 %
                results.add(new ImageExplanation(index, index % 10, probabilities, maps, inputScores,
                        new float[10], 32, "fake", 5));
                listener.progress(n, testIndices.length, (n + 1.0) / testIndices.length);
            }
            return results;
        }

        @Override
        public void close() {
        }
    }
}
