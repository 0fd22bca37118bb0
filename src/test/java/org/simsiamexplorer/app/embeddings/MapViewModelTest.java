package org.simsiamexplorer.app.embeddings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.simsiamexplorer.analysis.map.WorldBounds;
import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.LayoutEngine;
import org.simsiamexplorer.service.LayoutSpec;
import org.simsiamexplorer.service.MapLayout;
import org.simsiamexplorer.service.MapLayouts;
import org.simsiamexplorer.service.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The map's view model on the current thread (synchronous executors), without a display. */
class MapViewModelTest {
    @TempDir
    Path runs;

    private final SyntheticRuns.FirstTwoDimensions engine = new SyntheticRuns.FirstTwoDimensions(3);

    private MapViewModel newMap(LayoutEngine layoutEngine) {
        return new MapViewModel(Runnable::run, Runnable::run, new MapLayouts(layoutEngine),
                SyntheticRuns.realStatistics());
    }

    private RunDirectory run() throws IOException {
        return new RunDirectory(SyntheticRuns.writeRun(runs, "run", 20, 6, 1, 1));
    }

    @Test
    void openingARunShowsItsLatestTestFeatureSet() throws IOException {
        RunDirectory run = run();
        FeatureSet first = FeatureSet.read(run.features(), "test-epoch-0003");
        new FeatureSet("test", 9, first.rows(), first.dim(), first.datasetIndices(), first.values(), first.labels())
                .write(run.features());
        new FeatureSet("train", 12, first.rows(), first.dim(), first.datasetIndices(), first.values(),
                first.labels()).write(run.features());
        MapViewModel map = newMap(engine);
        map.showRun(run);
        assertEquals("test-epoch-0009", map.featureStemProperty().get());
        assertEquals(List.of("test-epoch-0003", "test-epoch-0009", "train-epoch-0012"), map.featureStems());
        assertEquals(200, map.dataProperty().get().rows());
        assertFalse(map.busyProperty().get());
    }

    @Test
    void aComputedLayoutIsCachedSoReopeningDoesNotRecompute() throws IOException {
        RunDirectory run = run();
        newMap(engine).showRun(run);
        MapViewModel reopened = newMap(engine);
        reopened.showRun(run);
        assertEquals(1, engine.computations);
        assertTrue(reopened.statusProperty().get().contains("from the cache"), reopened.statusProperty().get());
        assertTrue(reopened.statusProperty().get().contains("PC1 50.0%"), "PCA shows the explained variance");
    }

    @Test
    void tsneAnimatesThroughIntermediateLayoutsBeforeTheFinalOne() throws IOException {
        MapViewModel map = newMap(engine);
        map.showRun(run());
        List<Boolean> finals = new ArrayList<>();
        List<Double> spreads = new ArrayList<>();
        map.dataProperty().addListener((obs, old, data) -> {
            finals.add(data.finalLayout());
            spreads.add(data.grid().bounds().width());
        });
        map.changeLayout(LayoutSpec.tsne(10));
        assertEquals(List.of(false, false, false, true), finals);
        assertTrue(spreads.get(0) < spreads.get(1), "each intermediate layout is shown as it comes");
        assertEquals(LayoutSpec.tsne(10), map.dataProperty().get().layout().spec());
    }

    @Test
    void cancellingKeepsTheLastLayoutShownAndSaysSo() throws IOException {
        MapViewModel map = newMap(engine);
        map.showRun(run());
        MapLayout pca = map.dataProperty().get().layout();
        map.progressProperty().addListener((obs, old, progress) -> {
            if (progress.doubleValue() > 0.3 && progress.doubleValue() < 1) {
                map.cancel();
            }
        });
        map.changeLayout(LayoutSpec.tsne(10));
        assertTrue(map.statusProperty().get().startsWith("Stopped"), map.statusProperty().get());
        assertFalse(map.busyProperty().get());
        assertFalse(map.dataProperty().get().finalLayout(), "the partial t-SNE stays on screen");
        assertTrue(pca != map.dataProperty().get().layout());
    }

    @Test
    void damagedFeaturesGiveAClearMessageAndNoMap() throws IOException {
        RunDirectory run = run();
        Files.write(run.features().resolve("test-epoch-0003.f32"), new byte[10]);
        MapViewModel map = newMap(engine);
        map.showRun(run);
        assertNull(map.dataProperty().get());
        assertTrue(map.statusProperty().get().contains("incomplete"), map.statusProperty().get());
        assertFalse(map.busyProperty().get());
    }

    @Test
    void aRunWithoutFeaturesSaysWhatToWaitFor() throws IOException {
        Path empty = runs.resolve("fresh");
        Files.createDirectories(empty.resolve("features"));
        MapViewModel map = newMap(engine);
        map.showRun(new RunDirectory(empty));
        assertTrue(map.statusProperty().get().contains("no evaluated features yet"), map.statusProperty().get());
    }

    @Test
    void aFailingLayoutIsReportedNotThrown() throws IOException {
        LayoutEngine failing = (features, spec, listener, cancelled) -> {
            throw new IllegalArgumentException("t-SNE input features contain NaN at row 4");
        };
        MapViewModel map = newMap(failing);
        map.showRun(run());
        assertTrue(map.statusProperty().get().contains("NaN at row 4"), map.statusProperty().get());
        assertFalse(map.busyProperty().get());
    }

    @Test
    void areaSelectionSkipsHiddenClassesAndCountsPerClass() throws IOException {
        MapViewModel map = newMap(engine);
        map.showRun(run());
        map.toggleClass(2);
        map.selectArea(new WorldBounds(-100, -100, 100, 100));
        int[] histogram = map.areaHistogram(10);
        assertArrayEquals(new int[]{20, 20, 0, 20, 20, 20, 20, 20, 20, 20}, histogram);
        assertEquals(180, map.areaSelectionProperty().get().length);
        map.toggleClass(2);
        map.showOnly(5, 10);
        assertEquals(20, map.areaSelectionProperty().get().length, "hiding classes also trims the selection");
    }

    @Test
    void clusterQualityReportsLeaveOneOutKnnAccuracy() throws IOException {
        MapViewModel map = newMap(engine);
        map.showRun(run());
        String quality = map.qualityTextProperty().get();
        assertTrue(quality.startsWith("kNN ") && quality.contains("leave-one-out 20-NN, cosine"), quality);
    }

    @Test
    void pickingFindsTheNearestVisiblePointOnly() throws IOException {
        MapViewModel map = newMap(engine);
        map.showRun(run());
        MapData data = map.dataProperty().get();
        float x = data.layout().xy()[2 * 7];
        float y = data.layout().xy()[2 * 7 + 1];
        assertEquals(7, map.pick(x, y, 1e-3));
        map.toggleClass(data.label(7));
        assertTrue(map.pick(x, y, 1e-3) != 7);
    }

    @Test
    void aLassoSelectsThePointsInsideIt() throws IOException {
        MapViewModel map = newMap(engine);
        map.showRun(run());
        MapData data = map.dataProperty().get();
        // a lasso around class 0's cluster (centre (10, 0), sd 0.6); the nearest other centres are ~6 away
        map.selectLasso(new double[]{7, -3, 10, -3.5, 13, -3, 13, 3, 7, 3});
        int[] histogram = map.areaHistogram(10);
        assertEquals(20, histogram[0], "the whole class-0 cluster is inside");
        assertEquals(20, map.areaSelectionProperty().get().length, "and nothing else");
        assertTrue(data.rows() > 20);
    }

    @Test
    void changingTheLayoutWhileAnotherRunLoadsLaysOutThatRunNotTheOldOne() throws IOException {
        RunDirectory first = new RunDirectory(SyntheticRuns.writeRun(runs, "first", 10, 6, 1, 1));
        RunDirectory second = new RunDirectory(SyntheticRuns.writeRun(runs, "second", 10, 6, 2, 7));
        java.util.ArrayDeque<Runnable> pending = new java.util.ArrayDeque<>();
        MapViewModel map = new MapViewModel(pending::add, Runnable::run, new MapLayouts(engine),
                SyntheticRuns.realStatistics());
        map.showRun(first);
        runAll(pending);
        map.showRun(second);
        pending.poll().run(); // the listing is done and the second run's features start loading...
        map.changeLayout(LayoutSpec.tsne(5)); // ...when the user picks t-SNE, with the first run still on screen
        runAll(pending);
        assertEquals("second", map.dataProperty().get().run().name());
        assertEquals(LayoutSpec.tsne(5), map.dataProperty().get().layout().spec());
    }

    private static void runAll(java.util.ArrayDeque<Runnable> pending) {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }
}
