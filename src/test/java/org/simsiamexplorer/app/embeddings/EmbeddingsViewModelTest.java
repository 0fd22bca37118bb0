package org.simsiamexplorer.app.embeddings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.app.SelectionModel;
import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.MapLayouts;
import org.simsiamexplorer.service.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingsViewModelTest {
    @TempDir
    Path runs;

    private EmbeddingsViewModel newTab() {
        return new EmbeddingsViewModel(Runnable::run, Runnable::run,
                new MapLayouts(new SyntheticRuns.FirstTwoDimensions(2)), SyntheticRuns.realStatistics(),
                split -> SyntheticRuns.flatImages(1000));
    }

    @Test
    void aRunsFolderListsItsRunsAndShowsTheFirstTwo() throws IOException {
        SyntheticRuns.writeRun(runs, "sg-on", 10, 4, 1, 1);
        SyntheticRuns.writeRun(runs, "sg-off", 10, 4, 2, 7);
        Files.createDirectories(runs.resolve("not-a-run"));
        EmbeddingsViewModel tab = newTab();
        tab.openRunsFolder(runs);
        assertEquals(List.of("sg-off", "sg-on"), tab.runs());
        assertEquals("sg-off", tab.primary().runProperty().get().name());
        assertEquals("sg-on", tab.secondary().runProperty().get().name());
    }

    @Test
    void selectingAPointDescribesItsImageAndFindsItsFeatureNeighbours() throws IOException {
        SyntheticRuns.writeRun(runs, "sg-on", 10, 4, 1, 7);
        EmbeddingsViewModel tab = newTab();
        tab.openRunsFolder(runs);
        MapData data = tab.primary().dataProperty().get();
        tab.select(tab.primary(), 12);
        EmbeddingsViewModel.Detail detail = tab.detailProperty().get();
        assertEquals(data.datasetIndex(12), detail.datasetIndex());
        assertEquals(SyntheticRuns.CLASS_NAMES.get(data.label(12)), detail.className());
        assertNull(detail.prediction(), "no classifier has been evaluated for this run");
        assertEquals(EmbeddingsViewModel.NEIGHBOURS, detail.neighbours().length);
        int sameClass = 0;
        for (int neighbour : detail.neighbours()) {
            assertTrue(neighbour != detail.datasetIndex(), "an image is not its own neighbour");
            sameClass += data.label(data.rowOf(neighbour)) == data.label(12) ? 1 : 0;
        }
        assertTrue(sameClass >= 6, "well separated clusters: most neighbours share the class, got " + sameClass);
    }

    @Test
    void linkedSelectionOnlyHighlightsImagesOfTheSameSplit() throws IOException {
        Path a = SyntheticRuns.writeRun(runs, "a", 10, 4, 1, 1);
        Path b = SyntheticRuns.writeRun(runs, "b", 10, 4, 2, 3);
        FeatureSet test = FeatureSet.read(b.resolve("features"), "test-epoch-0003");
        Files.delete(b.resolve("features/test-epoch-0003.json"));
        new FeatureSet("train", 3, test.rows(), test.dim(), test.datasetIndices(), test.values(), test.labels())
                .write(b.resolve("features"));
        EmbeddingsViewModel tab = newTab();
        tab.openRunsFolder(runs);
        assertEquals("train", tab.secondary().dataProperty().get().split());
        tab.select(tab.primary(), 4);
        assertEquals(4, tab.primary().selectedRowProperty().get());
        assertEquals(-1, tab.secondary().selectedRowProperty().get(), "a train image is not the same test image");
        assertTrue(new RunDirectory(a).features().toFile().isDirectory());
    }

    @Test
    void searchingForAnImageNotInTheFeatureSetSaysSo() throws IOException {
        SyntheticRuns.writeRun(runs, "sg-on", 10, 4, 1, 1);
        EmbeddingsViewModel tab = newTab();
        tab.openRunsFolder(runs);
        assertTrue(tab.selectDatasetIndex(tab.primary(), 42));
        assertEquals(42, tab.detailProperty().get().datasetIndex());
        assertTrue(!tab.selectDatasetIndex(tab.primary(), 5000));
        assertTrue(tab.messageProperty().get().contains("5000"), tab.messageProperty().get());
    }

    @Test
    void anEmptyRunsFolderExplainsWhatARunIs() {
        EmbeddingsViewModel tab = newTab();
        tab.openRunsFolder(runs);
        assertTrue(tab.messageProperty().get().contains("No runs"), tab.messageProperty().get());
    }

    @Test
    void selectionsArePublishedToTheSharedSelectionByDatasetIndex() throws IOException {
        SyntheticRuns.writeRun(runs, "sg-on", 10, 4, 1, 7);
        EmbeddingsViewModel tab = newTab();
        SelectionModel shared = new SelectionModel();
        tab.publishSelectionsTo(shared);
        tab.openRunsFolder(runs);
        MapData data = tab.primary().dataProperty().get();
        tab.select(tab.primary(), 3);
        assertArrayEquals(new int[]{data.datasetIndex(3)}, shared.current().datasetIndices());
        tab.primary().selectArea(data.grid().bounds());
        assertEquals(data.rows(), shared.current().size());
        assertEquals("test", shared.current().split());
    }

    @Test
    void comparingUsesTheSameKindOfLayoutInBothMaps() throws IOException {
        SyntheticRuns.writeRun(runs, "sg-on", 10, 4, 1, 1);
        SyntheticRuns.writeRun(runs, "sg-off", 10, 4, 2, 7);
        EmbeddingsViewModel tab = newTab();
        tab.openRunsFolder(runs);
        tab.primary().changeLayout(org.simsiamexplorer.service.LayoutSpec.tsne(12));
        tab.setComparing(true);
        assertEquals(tab.primary().specProperty().get(), tab.secondary().dataProperty().get().layout().spec());
    }
}
