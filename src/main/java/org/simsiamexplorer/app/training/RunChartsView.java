package org.simsiamexplorer.app.training;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * The live view: progress of the focused run (epoch/step, images/s, ETA, collapse warning) and four charts — loss
 * per step (raw and EMA-smoothed), the collapse monitor (std of the L2-normalised output against 1/sqrt(d) and a
 * fifth of it), kNN top-1 per epoch and the learning rate. With several runs selected, each gets its colour.
 */
final class RunChartsView {
    static final Color REFERENCE = Color.web("#607d8b");
    static final Color THRESHOLD = Color.web("#c62828");

    private final VBox root = new VBox(8);
    private final LineChartCanvas loss = chart("lossChart", "Loss per step (negative cosine; EMA over raw)", "step");
    private final LineChartCanvas collapse = chart("collapseChart",
            "Collapse monitor: std of L2-normalised output", "epoch");
    private final LineChartCanvas knn = chart("knnChart", "kNN top-1 accuracy (%)", "epoch");
    private final LineChartCanvas lr = chart("lrChart", "Learning rate", "step");
    private final TrainingViewModel viewModel;

    RunChartsView(TrainingViewModel viewModel) {
        this.viewModel = viewModel;
        collapse.setIncludeZero(true);
        knn.setEmptyText("No kNN measurement yet");
        knn.setIncludeZero(true); // accuracies on an absolute scale: a 1-point change should look like one

        Label runName = new Label();
        runName.setId("focusedRunLabel");
        runName.getStyleClass().add("section-title");
        Label status = new Label();
        status.setId("focusedRunStatus");
        ProgressBar progress = new ProgressBar(0);
        progress.setId("runProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label progressText = new Label();
        progressText.setId("progressText");
        Label speed = new Label();
        speed.setId("speedText");
        Label collapseWarning = new Label();
        collapseWarning.setId("collapseWarning");
        viewModel.focusedRunProperty().addListener((obs, old, item) -> {
            bindText(status, item == null ? null : item.statusTextProperty());
            bindText(progressText, item == null ? null : item.progressTextProperty());
            bindText(speed, item == null ? null : item.speedTextProperty());
            bindText(collapseWarning, item == null ? null : item.collapseTextProperty());
            progress.progressProperty().unbind();
            if (item == null) {
                progress.setProgress(0);
                collapseWarning.getStyleClass().remove("collapse-warning");
            } else {
                progress.progressProperty().bind(item.progressProperty());
                collapseWarning.getStyleClass().remove("collapse-warning");
                if (item.collapsedProperty().get()) {
                    collapseWarning.getStyleClass().add("collapse-warning");
                }
            }
        });
        viewModel.chartsRevisionProperty().addListener(o -> {
            RunItem item = viewModel.focusedRunProperty().get();
            runName.setText(item == null ? "Select a run, or start one" : headline(item));
            collapseWarning.getStyleClass().remove("collapse-warning");
            if (item != null && item.collapsedProperty().get()) {
                collapseWarning.getStyleClass().add("collapse-warning");
            }
            rebuildSeries();
        });
        runName.setText("Select a run, or start one");

        HBox header = new HBox(12, runName, status);
        HBox progressRow = new HBox(10, progress, progressText, speed);
        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            charts.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            charts.getRowConstraints().add(row);
        }
        charts.add(loss, 0, 0);
        charts.add(collapse, 1, 0);
        charts.add(knn, 0, 1);
        charts.add(lr, 1, 1);
        VBox.setVgrow(charts, Priority.ALWAYS);
        root.getChildren().addAll(header, progressRow, collapseWarning, charts);
        root.setPadding(new Insets(0, 0, 0, 4));
    }

    private String headline(RunItem focused) {
        List<RunItem> shown = viewModel.shownRuns();
        if (shown.size() < 2) {
            return focused.name();
        }
        return "Overlay of " + shown.size() + " runs · details for " + focused.name();
    }

    private static void bindText(Label label, javafx.beans.value.ObservableValue<String> value) {
        label.textProperty().unbind();
        if (value == null) {
            label.setText("");
        } else {
            label.textProperty().bind(value);
        }
    }

    private static LineChartCanvas chart(String id, String title, String xLabel) {
        LineChartCanvas chart = new LineChartCanvas();
        chart.setId(id);
        chart.setTitle(title);
        chart.setXLabel(xLabel);
        return chart;
    }

    /** Rebuilds the series lists (cheap: they reference the runs' data) and schedules one redraw per chart. */
    private void rebuildSeries() {
        List<RunItem> runs = viewModel.shownRuns();
        boolean overlay = runs.size() > 1;
        List<LineChartCanvas.Series> lossSeries = new ArrayList<>();
        List<LineChartCanvas.Series> collapseSeries = new ArrayList<>();
        List<LineChartCanvas.Series> knnSeries = new ArrayList<>();
        List<LineChartCanvas.Series> lrSeries = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunItem run = runs.get(i);
            RunCurves c = run.curves();
            String label = run.name();
            Color loss = overlay ? LineChartCanvas.palette(i) : Color.web("#1f77b4");
            lossSeries.add(new LineChartCanvas.Series(overlay ? label + " (raw)" : "loss per step", c.rawLoss(), loss,
                    LineChartCanvas.Style.FAINT_LINE, !overlay));
            lossSeries.add(new LineChartCanvas.Series(overlay ? label : "EMA (0.98)", c.smoothedLoss(), loss,
                    LineChartCanvas.Style.LINE, true));
            Color std = overlay ? LineChartCanvas.palette(i) : Color.web("#6a1b9a");
            collapseSeries.add(new LineChartCanvas.Series(overlay ? label : "output std", c.collapseStd(), std,
                    LineChartCanvas.Style.LINE, true));
            Color acc = overlay ? LineChartCanvas.palette(i) : Color.web("#2e7d32");
            knnSeries.add(new LineChartCanvas.Series(overlay ? label : "kNN top-1", c.knnAccuracy(), acc,
                    LineChartCanvas.Style.LINE, true));
            Color rate = overlay ? LineChartCanvas.palette(i) : Color.web("#ef6c00");
            lrSeries.add(new LineChartCanvas.Series(overlay ? label : "lr", c.learningRate(), rate,
                    LineChartCanvas.Style.LINE, true));
        }
        for (RunItem run : runs) {
            collapseSeries.add(new LineChartCanvas.Series("1/√d (healthy)", run.curves().collapseReference(),
                    REFERENCE, LineChartCanvas.Style.DASHED, true));
            collapseSeries.add(new LineChartCanvas.Series("collapse: < 1/(5√d)", run.curves().collapseThreshold(),
                    THRESHOLD, LineChartCanvas.Style.DOTTED, true));
        }
        loss.setSeries(lossSeries);
        collapse.setSeries(collapseSeries);
        knn.setSeries(knnSeries);
        lr.setSeries(lrSeries);
    }

    Node root() {
        return root;
    }
}
