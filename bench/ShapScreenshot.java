import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.simsiamexplorer.app.SelectionModel;
import org.simsiamexplorer.app.shap.ShapSources;
import org.simsiamexplorer.app.shap.ShapView;
import org.simsiamexplorer.app.shap.ShapViewModel;
import org.simsiamexplorer.data.Cifar10;
import org.simsiamexplorer.data.Cifar10Reader;
import org.simsiamexplorer.data.CifarDataset;
import org.simsiamexplorer.data.Verification;
import org.simsiamexplorer.service.ExplainService;
import org.simsiamexplorer.service.ExplanationMethod;
import org.simsiamexplorer.service.ImageExplainer;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Screenshot of the SHAP tab explaining real test images with a run's evaluated classifier (the real path:
 * ExplainService.open -> eval's TrainedClassifier), for docs/screenshots/shap.png:
 *   xvfb-run -s "-screen 0 1600x1000x24" bench/run.sh ShapScreenshot RUN_DIR CIFAR_DIR out.png "3,10-13" [eg|patch] [samples]
 */
public class ShapScreenshot {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        Path cifarPath = Path.of(args[1]);
        Path output = Path.of(args[2]);
        String indices = args.length > 3 ? args[3] : "0-4";
        boolean patch = args.length > 4 && args[4].equals("patch");
        int samples = args.length > 5 ? Integer.parseInt(args[5]) : 64;
        Cifar10 cifar = Cifar10Reader.read(cifarPath, Verification.SKIP);
        ShapSources sources = new ShapSources() {
            public CifarDataset testImages() {
                return cifar.test();
            }

            public ImageExplainer openClassifier(Path root) throws java.io.IOException {
                return ExplainService.open(root, cifar.test(), cifar.train());
            }
        };
        Platform.startup(() -> { });
        ShapViewModel viewModel = new ShapViewModel(sources, new SelectionModel(),
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r);
                    t.setDaemon(true);
                    return t;
                }), Platform::runLater);
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(new ShapView(viewModel).root(), 1580, 960);
            scene.getStylesheets().add(ShapView.class.getResource("/org/simsiamexplorer/app/app.css").toExternalForm());
            s.setScene(scene);
            s.setTitle("SimSiam Explorer — SHAP");
            s.show();
            viewModel.loadTestImages();
            viewModel.openRun(run);
            return s;
        });
        for (int i = 0; i < 600 && onFx(() -> viewModel.explainerProperty().get() == null
                || viewModel.testImagesProperty().get() == null); i++) {
            Thread.sleep(100);
        }
        System.out.println("status: " + onFx(() -> viewModel.statusProperty().get() + " "
                + viewModel.errorProperty().get()));
        onFx(() -> {
            viewModel.addIndices(indices);
            viewModel.methodProperty().set(patch ? ExplanationMethod.PATCH_SHAP : ExplanationMethod.EXPECTED_GRADIENTS);
            viewModel.samplesProperty().set(samples);
            viewModel.explain();
            return null;
        });
        long start = System.nanoTime();
        Thread.sleep(500);
        while (onFx(() -> viewModel.runningProperty().get())) {
            Thread.sleep(200);
        }
        System.out.printf("explained in %.1f s: %s %s%n", (System.nanoTime() - start) / 1e9,
                onFx(() -> viewModel.statusProperty().get()), onFx(() -> viewModel.errorProperty().get()));
        // the toolbar must show what was used (an earlier version of the view kept showing the default 64)
        Object shown = onFx(() -> ((javafx.scene.control.ComboBox<?>) stage.getScene().lookup("#samplesChoice"))
                .getValue());
        if (!Integer.valueOf(samples).equals(shown)) {
            System.err.println("the Samples box shows " + shown + " but " + samples + " were used; no screenshot");
            Platform.exit();
            System.exit(2);
        }
        Thread.sleep(800);
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", output.toFile());
        System.out.println("wrote " + output);
        Platform.exit();
        System.exit(0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get();
    }
}
