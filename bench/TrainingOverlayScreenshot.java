import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.simsiamexplorer.app.training.FolderMemory;
import org.simsiamexplorer.app.training.RunItem;
import org.simsiamexplorer.app.training.TrainingView;
import org.simsiamexplorer.app.training.TrainingViewModel;
import org.simsiamexplorer.service.TrainingConfig;
import org.simsiamexplorer.service.TrainingListener;
import org.simsiamexplorer.service.TrainingService;
import org.simsiamexplorer.service.TrainingSession;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * Not a benchmark: renders the Training tab over a runs folder with the named runs selected (overlaid) and saves a
 * PNG, for docs/screenshots. Run it on a display, e.g. under Xvfb:
 *   xvfb-run -s "-screen 0 1400x900x24" bench/run.sh TrainingOverlayScreenshot /work/runs out.png run-a run-b
 */
public class TrainingOverlayScreenshot {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path output = Path.of(args[1]);
        List<String> names = List.of(args).subList(2, args.length);
        Platform.startup(() -> { });
        TrainingService noTraining = new TrainingService() {
            public TrainingSession start(TrainingConfig c, Path root, TrainingListener l) throws IOException {
                throw new IOException("screenshot only");
            }

            public TrainingSession resume(Path dir, TrainingListener l) throws IOException {
                throw new IOException("screenshot only");
            }
        };
        FolderMemory memory = FolderMemory.inMemory();
        memory.save(folder);
        TrainingViewModel viewModel = new TrainingViewModel(noTraining, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }), Platform::runLater, memory, System::currentTimeMillis);
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(new TrainingView(viewModel).root(), 1400, 900);
            scene.getStylesheets().add(TrainingView.class.getResource("/org/simsiamexplorer/app/app.css")
                    .toExternalForm());
            s.setScene(scene);
            s.setTitle("SimSiam Explorer — Training");
            s.show();
            return s;
        });
        for (int i = 0; i < 100 && onFx(() -> viewModel.runs().runs().size()) < names.size(); i++) {
            Thread.sleep(100);
        }
        onFx(() -> {
            @SuppressWarnings("unchecked")
            TableView<RunItem> table = (TableView<RunItem>) stage.getScene().lookup("#runsTable");
            table.getSelectionModel().clearSelection();
            for (RunItem item : table.getItems()) {
                if (names.contains(item.name())) {
                    table.getSelectionModel().select(item);
                }
            }
            return null;
        });
        Thread.sleep(1500);
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", output.toFile());
        System.out.println("wrote " + output + " showing " + onFx(() -> viewModel.shownRuns().size()) + " runs");
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
