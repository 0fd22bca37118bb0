import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.simsiamexplorer.app.training.LineChartCanvas;
import org.simsiamexplorer.app.training.SeriesData;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;

/**
 * Redraw time of the Training tab's LineChartCanvas with N points per series (default 100,000), as in the loss
 * chart: a raw series and its EMA. Measures on the FX thread (a) redrawNow(): decimation + canvas commands, and
 * (b) redrawNow() + snapshot(): the same plus rasterising the frame (software pipeline), against (c) a naive canvas
 * that strokes every point. Prints medians over the runs.
 *
 * Run headless: BENCH_JAVA_OPTS="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw" \
 *               bench/run.sh ChartRedrawBench [points] [runs] [width] [height]
 */
public class ChartRedrawBench {
    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 400;
        Platform.startup(() -> { });
        SeriesData raw = new SeriesData();
        SeriesData ema = new SeriesData();
        Random random = new Random(7);
        double smoothed = 0;
        for (int i = 1; i <= points; i++) {
            double loss = -0.9 * (1 - Math.exp(-i / (points / 8.0))) + 0.05 * random.nextGaussian();
            raw.add(i, loss);
            smoothed = i == 1 ? loss : 0.98 * smoothed + 0.02 * loss;
            ema.add(i, smoothed);
        }
        LineChartCanvas chart = onFx(() -> {
            LineChartCanvas c = new LineChartCanvas();
            c.setTitle("Loss per step");
            c.setXLabel("step");
            c.setSeries(List.of(
                    new LineChartCanvas.Series("loss per step", raw, Color.STEELBLUE, LineChartCanvas.Style.FAINT_LINE, true),
                    new LineChartCanvas.Series("EMA", ema, Color.STEELBLUE, LineChartCanvas.Style.LINE, true)));
            new Scene(new StackPane(c), width, height);
            c.getParent().applyCss();
            c.getParent().layout();
            return c;
        });
        Canvas naive = onFx(() -> new Canvas(width, height));
        LineChartCanvas empty = onFx(() -> {
            LineChartCanvas c = new LineChartCanvas();
            new Scene(new StackPane(c), width, height);
            c.getParent().applyCss();
            c.getParent().layout();
            return c;
        });

        double[] redraw = new double[runs];
        double[] rendered = new double[runs];
        double[] naiveRendered = new double[runs];
        double[] emptyRendered = new double[runs];
        for (int warm = 0; warm < 10; warm++) {
            onFx(() -> { chart.redrawNow(); chart.snapshot(null, null); drawAll(naive, raw, ema); naive.snapshot(null, null); return null; });
        }
        for (int r = 0; r < runs; r++) {
            redraw[r] = onFx(() -> { chart.redrawNow(); return chart.lastRedrawNanos() / 1e6; });
            rendered[r] = onFx(() -> { long t = System.nanoTime(); chart.redrawNow(); chart.snapshot(null, null);
                return (System.nanoTime() - t) / 1e6; });
            emptyRendered[r] = onFx(() -> { long t = System.nanoTime(); empty.redrawNow(); empty.snapshot(null, null);
                return (System.nanoTime() - t) / 1e6; });
            naiveRendered[r] = onFx(() -> { long t = System.nanoTime(); drawAll(naive, raw, ema); naive.snapshot(null, null);
                return (System.nanoTime() - t) / 1e6; });
        }
        int drawn = onFx(chart::drawnPoints);
        System.out.printf("points per series: %,d (2 series, %,d in all), chart %dx%d, %d runs%n", points, 2 * points,
                width, height, runs);
        System.out.printf("points stroked after decimation: %,d%n", drawn);
        System.out.printf("median redrawNow() (decimate + canvas commands):      %7.2f ms%n", median(redraw));
        System.out.printf("median redrawNow() + snapshot (incl. rasterising):   %7.2f ms%n", median(rendered));
        System.out.printf("median empty chart + snapshot (snapshot overhead):   %7.2f ms%n", median(emptyRendered));
        System.out.printf("median naive canvas, every point + snapshot:         %7.2f ms (%.1fx slower)%n",
                median(naiveRendered), median(naiveRendered) / median(rendered));
        Platform.exit();
    }

    private static void drawAll(Canvas canvas, SeriesData... series) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (SeriesData s : series) {
            double sx = canvas.getWidth() / s.lastX();
            gc.beginPath();
            gc.moveTo(0, canvas.getHeight() / 2);
            for (int i = 0; i < s.size(); i++) {
                gc.lineTo(s.x(i) * sx, canvas.getHeight() * (0.5 - s.y(i) / 2));
            }
            gc.stroke();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
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
