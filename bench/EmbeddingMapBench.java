import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.simsiamexplorer.analysis.map.PointGrid;
import org.simsiamexplorer.analysis.map.Viewport;
import org.simsiamexplorer.analysis.map.WorldBounds;
import org.simsiamexplorer.app.embeddings.EmbeddingsView;
import org.simsiamexplorer.app.embeddings.EmbeddingsViewModel;
import org.simsiamexplorer.app.embeddings.ScatterCanvas;
import org.simsiamexplorer.app.embeddings.ScatterRasterizer;
import org.simsiamexplorer.app.embeddings.MapAnalysis;
import org.simsiamexplorer.service.AnalysisLayoutEngine;
import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.MapLayout;
import org.simsiamexplorer.service.MapLayouts;
import org.simsiamexplorer.service.LayoutSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Embedding map performance, on synthetic data (10 Gaussian clusters):
 *  1. rasterising 60,000 points into the reused pixel buffer (no JavaFX), median ms per frame;
 *  2. picking the point under the cursor with the PointGrid vs a linear scan, median us per query;
 *  3. the real ScatterCanvas render method (rasterise + one PixelWriter copy + drawImage) with 60,000 points
 *     inside a shown EmbeddingsView, median ms per frame (needs a display: Monocle headless or Xvfb);
 *  4. with "gaps-tsne" (or "gaps-pca") as argument: the longest gap between JavaFX pulses while the layout of
 *     10,000 x 512 features is computed (t-SNE animating in the map) and its cluster quality (leave-one-out kNN,
 *     silhouette) is measured in the background (AnimationTimer measuring frame gaps).
 * Run: bench/run.sh EmbeddingMapBench [gaps-tsne|gaps-pca]  (Monocle: BENCH_JAVA_OPTS="-Dprism.order=sw
 *      -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.text=t2k")
 */
public class EmbeddingMapBench {
    static final int POINTS = 60_000;
    static final AtomicLong LONGEST_UI_TASK = new AtomicLong();
    static final boolean ZOOM = !Boolean.getBoolean("bench.noZoom");

    public static void main(String[] args) throws Exception {
        float[] xy = clusters2d(POINTS, 7);
        byte[] labels = new byte[POINTS];
        for (int i = 0; i < POINTS; i++) {
            labels[i] = (byte) (i % 10);
        }
        rasterBench(xy, labels);
        pickBench(xy);
        fxBench(args.length > 0 && args[0].startsWith("gaps"), args.length > 0 && args[0].equals("gaps-tsne"));
    }

    static float[] clusters2d(int n, long seed) {
        Random random = new Random(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            xy[2 * i] = (float) (20 * Math.cos(c * Math.PI / 5) + random.nextGaussian() * 4);
            xy[2 * i + 1] = (float) (20 * Math.sin(c * Math.PI / 5) + random.nextGaussian() * 4);
        }
        return xy;
    }

    static void canvasRenderReset(EmbeddingsView view) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            view.primaryCanvas().renderTimes().clear();
            done.countDown();
        });
        done.await();
    }

    static double median(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2] / 1e6;
    }

    static void rasterBench(float[] xy, byte[] labels) {
        ScatterRasterizer rasterizer = new ScatterRasterizer();
        rasterizer.resize(1100, 760);
        Viewport fit = Viewport.fit(WorldBounds.of(xy), 1100, 760, 16);
        boolean[] hidden = new boolean[10];
        for (int[] style : new int[][]{{1, 45}, {3, 80}}) {
            long[] times = new long[300];
            for (int f = 0; f < times.length + 50; f++) {
                Viewport v = fit.panBy(f % 7, f % 5);
                long t0 = System.nanoTime();
                rasterizer.render(xy, labels, hidden, null, v, style[0], style[1] / 100.0, null);
                if (f >= 50) {
                    times[f - 50] = System.nanoTime() - t0;
                }
            }
            System.out.printf("raster 60k points, 1100x760, radius %d: median %.2f ms/frame (300 frames)%n",
                    style[0], median(times));
        }
    }

    static void pickBench(float[] xy) {
        long t0 = System.nanoTime();
        PointGrid grid = PointGrid.build(xy);
        System.out.printf("PointGrid build, 60k points: %.2f ms%n", (System.nanoTime() - t0) / 1e6);
        Viewport fit = Viewport.fit(grid.bounds(), 1100, 760, 16);
        double radius = 6 / fit.scale();
        Random random = new Random(3);
        int batches = 200;
        int perBatch = 1000;
        long[] gridTimes = new long[batches];
        long[] scanTimes = new long[batches];
        long checksum = 0;
        for (int b = 0; b < batches; b++) {
            double[] qx = new double[perBatch];
            double[] qy = new double[perBatch];
            for (int q = 0; q < perBatch; q++) {
                qx[q] = fit.toWorldX(random.nextDouble() * 1100);
                qy[q] = fit.toWorldY(random.nextDouble() * 760);
            }
            long start = System.nanoTime();
            for (int q = 0; q < perBatch; q++) {
                checksum += grid.nearest(qx[q], qy[q], radius, i -> true);
            }
            gridTimes[b] = (System.nanoTime() - start) / perBatch;
            start = System.nanoTime();
            for (int q = 0; q < perBatch / 10; q++) {
                checksum -= linearNearest(xy, qx[q], qy[q], radius);
            }
            scanTimes[b] = (System.nanoTime() - start) / (perBatch / 10);
        }
        System.out.printf("pick under cursor (6 px at fit zoom): grid median %.4f ms/query, linear scan %.4f ms/query"
                + " (%d x %d queries; checksum %d)%n", median(gridTimes), median(scanTimes), batches, perBatch,
                checksum);
    }

    static int linearNearest(float[] xy, double x, double y, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < xy.length / 2; i++) {
            double dx = xy[2 * i] - x;
            double dy = xy[2 * i + 1] - y;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Writes a run with {@code rows x dim} Gaussian-cluster features (classes 0..9) and returns the runs folder. */
    static Path syntheticRuns(int rows, int dim) throws Exception {
        Path runs = Files.createTempDirectory("embedding-bench");
        Path run = runs.resolve("synthetic");
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.json"), "{}");
        Random random = new Random(11);
        float[][] centres = new float[10][dim];
        for (float[] centre : centres) {
            for (int d = 0; d < dim; d++) {
                centre[d] = (float) random.nextGaussian();
            }
        }
        float[] values = new float[rows * dim];
        byte[] labels = new byte[rows];
        int[] indices = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = (byte) (r % 10);
            indices[r] = r;
            for (int d = 0; d < dim; d++) {
                values[r * dim + d] = centres[r % 10][d] + (float) (random.nextGaussian() * 0.8);
            }
        }
        new FeatureSet("test", 1, rows, dim, indices, values, labels).write(run.resolve("features"));
        return runs;
    }

    static void fxBench(boolean tsne, boolean useTsne) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-background");
            t.setDaemon(true);
            return t;
        });
        // the render measurement runs without the background kNN-quality job, which would compete for the 2 cores
        MapAnalysis noQuality = new MapAnalysis() {
            @Override
            public int[] nearestRows(FeatureSet features, int row, int k) {
                return new int[0];
            }

            @Override
            public Quality quality(FeatureSet features, MapLayout layout, java.util.function.BooleanSupplier c) {
                return Quality.UNKNOWN;
            }
        };
        // UI tasks are timed: the longest one is how long the map itself held the JavaFX thread
        java.util.concurrent.Executor timedUi = task -> Platform.runLater(() -> {
            long t0 = System.nanoTime();
            task.run();
            LONGEST_UI_TASK.accumulateAndGet(System.nanoTime() - t0, Math::max);
        });
        EmbeddingsViewModel viewModel = tsne ? EmbeddingsViewModel.standard(background, timedUi)
                : new EmbeddingsViewModel(background, Platform::runLater, new MapLayouts(new AnalysisLayoutEngine(1)),
                noQuality, split -> { throw new java.io.IOException("no images in the benchmark"); });
        EmbeddingsView[] view = new EmbeddingsView[1];
        Path runs = syntheticRuns(tsne ? 10_000 : POINTS, tsne ? 512 : 32);
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            view[0] = new EmbeddingsView(viewModel);
            stage.setScene(new Scene(view[0].root(), 1260, 780));
            stage.show();
            viewModel.openRunsFolder(runs);
            shown.countDown();
        });
        shown.await();
        long deadline = System.currentTimeMillis() + 120_000;
        while (viewModel.primary().dataProperty().get() == null || viewModel.primary().busyProperty().get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("map did not load: " + viewModel.primary().statusProperty().get());
            }
            Thread.sleep(100);
        }
        System.out.println("map: " + viewModel.primary().statusProperty().get());
        if (!tsne) {
            ScatterCanvas canvas = view[0].primaryCanvas();
            CountDownLatch done = new CountDownLatch(1);
            // the same rasterising off the FX thread, on the map's own layout and size, for comparison
            var data = viewModel.primary().dataProperty().get();
            ScatterRasterizer offThread = new ScatterRasterizer();
            int w = (int) canvas.getWidth();
            int h = (int) canvas.getHeight();
            offThread.resize(w, h);
            Viewport fit = Viewport.fit(data.grid().bounds(), w, h, 16);
            long[] off = new long[300];
            for (int f = 0; f < off.length + 100; f++) {
                long t0 = System.nanoTime();
                offThread.render(data.layout().xy(), data.features().labels(), new boolean[10], null, fit, 1, 0.45,
                        null);
                if (f >= 100) {
                    off[f - 100] = System.nanoTime() - t0;
                }
            }
            System.out.printf("same layout rasterised on a plain thread, %dx%d, radius 1: median %.2f ms%n", w, h,
                    median(off));
            for (double zoom : new double[]{1, 1.5, 2.7}) {
                Viewport zoomed = fit.zoomAbout(w / 2.0, h / 2.0, zoom);
                int radius = (int) Math.round(Math.sqrt(zoom));
                for (int[] order : new int[][]{null, data.grid().cellOrder()}) {
                    for (int f = 0; f < off.length + 100; f++) {
                        long t0 = System.nanoTime();
                        offThread.render(data.layout().xy(), data.features().labels(), new boolean[10], null, zoomed,
                                radius, 0.5, order);
                        if (f >= 100) {
                            off[f - 100] = System.nanoTime() - t0;
                        }
                    }
                    System.out.printf("  zoom %.1f, radius %d, %s order: median %.2f ms%n", zoom, radius,
                            order == null ? "row" : "grid-cell", median(off));
                }
            }
            CountDownLatch warm = new CountDownLatch(1);
            Platform.runLater(() -> {
                for (int f = 0; f < 150; f++) {
                    canvas.renderPoints();
                }
                warm.countDown();
            });
            warm.await();
            Platform.runLater(() -> {
                canvas.renderTimes().clear();
                canvas.rasterTimes().clear();
                canvas.copyTimes().clear();
                for (int f = 0; f < 200; f++) {
                    if (ZOOM && f % 2 == 0) {
                        canvas.zoomAboutCentre(1.01);
                    }
                    canvas.renderPoints();
                }
                done.countDown();
            });
            done.await();
            System.out.printf("ScatterCanvas.renderPoints, %d points, %s JavaFX pipeline: median %.2f ms/frame "
                    + "over the last %d frames%n", viewModel.primary().dataProperty().get().rows(),
                    System.getProperty("prism.order", "default"), canvas.renderTimes().medianMillis(),
                    canvas.renderTimes().count());
            System.out.printf("  of which rasterising %.2f ms, image update %.2f ms (medians)%n",
                    canvas.rasterTimes().medianMillis(), canvas.copyTimes().medianMillis());
        } else {
            while (viewModel.primary().qualityTextProperty().get().contains("measuring")) {
                Thread.sleep(100);
            }
            // no cached layout: the measured window covers the whole computation
            try (var files = Files.walk(runs.resolve("synthetic").resolve("layouts"))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            AtomicLong last = new AtomicLong();
            AtomicLong longest = new AtomicLong();
            AtomicLong frames = new AtomicLong();
            AtomicLong over50 = new AtomicLong();
            AnimationTimer gaps = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = last.getAndSet(now);
                    if (previous != 0) {
                        longest.accumulateAndGet(now - previous, Math::max);
                        frames.incrementAndGet();
                        if (now - previous > 50_000_000L) {
                            over50.incrementAndGet();
                        }
                    }
                }
            };
            // control: the same timer with nothing running, to see what the shared machine alone does
            Platform.runLater(gaps::start);
            Thread.sleep(10_000);
            System.out.printf("idle map, 10 s: %d frames, longest frame gap %.1f ms, %d gaps > 50 ms%n", frames.get(),
                    longest.get() / 1e6, over50.get());
            longest.set(0);
            frames.set(0);
            over50.set(0);
            LONGEST_UI_TASK.set(0);
            canvasRenderReset(view[0]);
            long start = System.nanoTime();
            Platform.runLater(() -> viewModel.primary().changeLayout(useTsne ? LayoutSpec.tsne(30)
                    : LayoutSpec.pca()));
            Thread.sleep(500);
            while (viewModel.primary().busyProperty().get()
                    || viewModel.primary().qualityTextProperty().get().contains("measuring")) {
                Thread.sleep(100);
            }
            Platform.runLater(gaps::stop);
            Thread.sleep(200);
            System.out.printf("%s of 10,000 x 512 + quality in the map: %.1f s; %d frames, longest JavaFX frame gap "
                    + "%.1f ms, %d gaps > 50 ms; longest map task on the FX thread %.1f ms, longest map render %.1f ms"
                    + "%n  %s | %s%n", useTsne ? "t-SNE" : "PCA", (System.nanoTime() - start) / 1e9, frames.get(),
                    longest.get() / 1e6, over50.get(), LONGEST_UI_TASK.get() / 1e6,
                    view[0].primaryCanvas().renderTimes().maxMillis(),
                    viewModel.primary().statusProperty().get(), viewModel.primary().qualityTextProperty().get());
        }
        Platform.exit();
        System.exit(0);
    }
}
