import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.simsiamexplorer.app.embeddings.EmbeddingsView;
import org.simsiamexplorer.app.embeddings.EmbeddingsViewModel;
import org.simsiamexplorer.app.embeddings.MapViewModel;
import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.Verification;
import org.simsiamexplorer.analysis.map.WorldBounds;
import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.LayoutSpec;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * Screenshots of the Embeddings tab for the docs: run under Xvfb with the real glass toolkit, e.g.
 *   xvfb-run -s "-screen 0 1600x1000x24" bench/run.sh EmbeddingsScreenshots <runsFolder|synthetic>
 *       <pca|tsne|compare|compare-tsne> out.png [runA runB]
 * with BENCH_JAVA_OPTS=-Dsimsiam.data=<cifar-10-batches-bin>. "synthetic" writes a run with 10 Gaussian clusters
 * (10,000 x 512, one cluster per true CIFAR-10 test class) and a weaker copy, into a temp folder.
 */
public class EmbeddingsScreenshots {
    public static void main(String[] args) throws Exception {
        String source = args[0];
        String mode = args[1];
        Path out = Path.of(args[2]);
        Path runs = source.equals("synthetic") ? synthetic() : Path.of(source);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        var background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "screenshot-background");
            t.setDaemon(true);
            return t;
        });
        EmbeddingsViewModel viewModel = EmbeddingsViewModel.standard(background, Platform::runLater);
        Stage[] stage = new Stage[1];
        onFx(() -> {
            stage[0] = new Stage();
            EmbeddingsView view = new EmbeddingsView(viewModel);
            Scene scene = new Scene(view.root(), 1600, 1000);
            scene.getStylesheets().add(EmbeddingsView.class.getResource("/org/simsiamexplorer/app/app.css")
                    .toExternalForm());
            stage[0].setScene(scene);
            stage[0].setTitle("SimSiam Explorer — Embeddings");
            stage[0].show();
            viewModel.openRunsFolder(runs);
            return null;
        });
        if (args.length <= 3) {
            waitIdle(viewModel.primary());
        } else {
            Thread.sleep(1500);
        }
        if (args.length > 3) {
            onFx(() -> {
                viewModel.showRun(viewModel.primary(), args[3]);
                return null;
            });
            waitIdle(viewModel.primary());
        }
        if (mode.startsWith("compare")) {
            onFx(() -> {
                viewModel.setComparing(true);
                if (args.length > 4) {
                    viewModel.showRun(viewModel.secondary(), args[4]);
                }
                return null;
            });
            waitIdle(viewModel.secondary());
        }
        if (mode.endsWith("tsne")) {
            onFx(() -> {
                viewModel.primary().changeLayout(LayoutSpec.tsne(30));
                if (viewModel.comparingProperty().get()) {
                    viewModel.secondary().changeLayout(LayoutSpec.tsne(30));
                }
                return null;
            });
            waitIdle(viewModel.primary());
            waitIdle(viewModel.secondary());
        }
        // load the images, then select one image and an area so the side panels show something
        onFx(() -> viewModel.imageSource(viewModel.primary().dataProperty().get().split()));
        Thread.sleep(4000);
        onFx(() -> {
            MapViewModel map = viewModel.primary();
            WorldBounds all = map.dataProperty().get().grid().bounds();
            double cx = all.centerX();
            double cy = all.centerY();
            int row = map.pick(cx + all.width() * 0.2, cy + all.height() * 0.15, all.width());
            viewModel.select(map, row);
            float x = map.dataProperty().get().layout().xy()[2 * row];
            float y = map.dataProperty().get().layout().xy()[2 * row + 1];
            map.selectArea(new WorldBounds(x - all.width() * 0.05, y - all.height() * 0.05,
                    x + all.width() * 0.05, y + all.height() * 0.05));
            return null;
        });
        waitQuality(viewModel);
        Thread.sleep(1500);
        onFx(() -> {
            var image = stage[0].getScene().snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            return null;
        });
        System.out.println("wrote " + out + "; map: " + viewModel.primary().statusProperty().get() + " | "
                + viewModel.primary().qualityTextProperty().get());
        if (viewModel.comparingProperty().get()) {
            System.out.println("second map: " + viewModel.secondary().statusProperty().get() + " | "
                    + viewModel.secondary().qualityTextProperty().get());
        }
        Platform.exit();
        System.exit(0);
    }

    static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get();
    }

    static void waitIdle(MapViewModel map) throws Exception {
        Thread.sleep(300);
        long deadline = System.currentTimeMillis() + 540_000;
        while (map.busyProperty().get() || map.dataProperty().get() == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("map still busy: " + map.statusProperty().get());
            }
            Thread.sleep(200);
        }
    }

    static void waitQuality(EmbeddingsViewModel tab) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while ((tab.primary().qualityTextProperty().get().contains("measuring")
                || (tab.comparingProperty().get() && tab.secondary().qualityTextProperty().get().contains("measuring")))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
    }

    /** Two runs of synthetic 10,000 x 512 features clustered by the true CIFAR-10 test class. */
    static Path synthetic() throws Exception {
        Path runs = Files.createTempDirectory("synthetic-runs");
        Cifar10 cifar = Cifar10Reader.read(Path.of(System.getProperty("simsiam.data")), Verification.SKIP);
        byte[] labels = cifar.test().labels();
        write(runs.resolve("synthetic-stop-gradient-on"), labels, 0.9, 5);
        write(runs.resolve("synthetic-stop-gradient-off"), labels, 2.5, 6);
        return runs;
    }

    static void write(Path run, byte[] labels, double noise, long seed) throws Exception {
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.json"), "{}");
        int rows = labels.length;
        int dim = 512;
        Random random = new Random(seed);
        float[][] centres = new float[10][dim];
        for (float[] centre : centres) {
            for (int d = 0; d < dim; d++) {
                centre[d] = (float) (random.nextGaussian() * 0.12);
            }
        }
        float[] values = new float[rows * dim];
        int[] indices = new int[rows];
        for (int r = 0; r < rows; r++) {
            indices[r] = r;
            float[] centre = centres[labels[r]];
            for (int d = 0; d < dim; d++) {
                values[r * dim + d] = centre[d] + (float) (random.nextGaussian() * noise * 0.12);
            }
        }
        new FeatureSet("test", 20, rows, dim, indices, values, labels).write(run.resolve("features"));
    }
}
