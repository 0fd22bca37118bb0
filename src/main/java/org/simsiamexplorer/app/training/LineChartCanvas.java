package org.simsiamexplorer.app.training;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small line chart drawn on a Canvas: axes with nice ticks, a title, an x-axis label, a legend, several series.
 * Each series is decimated to min/max per pixel column before drawing ({@link Decimator}), so a redraw costs
 * O(points) for the scan plus O(width) for the strokes — 100,000+ points per series stay interactive, unlike
 * JavaFX's node-per-point LineChart. The data is never modified. Redraws requested in a burst are coalesced into one.
 */
public final class LineChartCanvas extends Region {
    public enum Style { LINE, FAINT_LINE, DASHED, DOTTED }

    /** One line: its data, colour and style; {@code inLegend} false for companion lines (e.g. raw points). */
    public record Series(String name, SeriesData data, Color color, Style style, boolean inLegend) {
    }

    /** Live data asks for redraws far more often than anyone can see them change. */
    static final long MIN_REDRAW_INTERVAL_MILLIS = 150;
    private static final double LEFT = 58;
    private static final double RIGHT = 14;
    private static final double TOP = 26;
    private static final double BOTTOM = 36;
    private static final Font TICK_FONT = Font.font(11);
    private static final Font TITLE_FONT = Font.font(null, FontWeight.BOLD, 13);

    private final Canvas canvas = new Canvas();
    /** Hover read-out on its own layer, so moving the mouse never redraws the data. */
    private final Canvas hoverLayer = new Canvas();
    private Axes lastAxes;
    private List<Series> series = List.of();
    private String title = "";
    private String xLabel = "";
    private String emptyText = "No data yet";
    private boolean includeZero;
    private boolean redrawPending;
    private int drawnPoints;
    private int dataPoints;
    private long lastRedrawNanos;
    private long lastRedrawAt = System.nanoTime() - 1_000_000_000L;

    public LineChartCanvas() {
        getChildren().addAll(canvas, hoverLayer);
        hoverLayer.setMouseTransparent(true);
        setOnMouseMoved(e -> drawHover(e.getX()));
        setOnMouseExited(e -> clearHover());
        setMinSize(120, 90);
        setPrefSize(420, 260);
        getStyleClass().add("line-chart-canvas");
    }

    public void setTitle(String title) {
        this.title = title;
        requestRedraw();
    }

    public void setXLabel(String xLabel) {
        this.xLabel = xLabel;
        requestRedraw();
    }

    public void setEmptyText(String emptyText) {
        this.emptyText = emptyText;
        requestRedraw();
    }

    /** Keeps 0 inside the y range (for quantities whose distance from zero matters, like the output std). */
    public void setIncludeZero(boolean includeZero) {
        this.includeZero = includeZero;
        requestRedraw();
    }

    public void setSeries(List<Series> newSeries) {
        series = List.copyOf(newSeries);
        requestRedraw();
    }

    public List<Series> series() {
        return series;
    }

    /**
     * Schedules one redraw on the FX thread; further requests before it runs are merged into it, and redraws come
     * at most every {@link #MIN_REDRAW_INTERVAL_MILLIS}, so a run reporting hundreds of steps a second cannot keep
     * the UI thread busy rasterising.
     */
    public void requestRedraw() {
        if (redrawPending) {
            return;
        }
        redrawPending = true;
        long wait = MIN_REDRAW_INTERVAL_MILLIS - (System.nanoTime() - lastRedrawAt) / 1_000_000;
        if (wait <= 0) {
            Platform.runLater(this::redrawNow);
        } else {
            PauseTransition delay = new PauseTransition(Duration.millis(wait));
            delay.setOnFinished(e -> redrawNow());
            delay.play();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            hoverLayer.setWidth(w);
            hoverLayer.setHeight(h);
            redrawNow();
        }
    }

    /** Draws at once (on the FX thread). */
    public void redrawNow() {
        redrawPending = false;
        long start = System.nanoTime();
        lastRedrawAt = start;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, w, h);
        drawnPoints = 0;
        dataPoints = series.stream().mapToInt(s -> s.data().size()).sum();
        gc.setFill(Color.web("#263238"));
        gc.setFont(TITLE_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(title, 8, 5);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        Range xRange = xRange(plotW);
        Range yRange = yRange();
        if (plotW < 10 || plotH < 10 || xRange == null || yRange == null) {
            lastAxes = null;
            gc.setFont(TICK_FONT);
            gc.setFill(Color.GRAY);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText(emptyText, w / 2, h / 2);
            lastRedrawNanos = System.nanoTime() - start;
            return;
        }
        Axes axes = new Axes(LEFT, TOP, plotW, plotH, xRange, yRange);
        lastAxes = axes;
        drawAxes(gc, axes);
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, TOP, plotW, plotH);
        gc.clip();
        List<int[]> drawn = new java.util.ArrayList<>();
        for (Series s : series) {
            drawn.add(drawSeries(gc, axes, s));
        }
        gc.restore();
        drawLegend(gc, axes, drawn);
        lastRedrawNanos = System.nanoTime() - start;
    }

    private Range xRange(double plotW) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (!s.data().isEmpty() && s.data().hasFiniteY()) {
                min = Math.min(min, s.data().firstX());
                max = Math.max(max, s.data().lastX());
            }
        }
        if (min > max) {
            return null;
        }
        if (max == min) {
            return new Range(min - 0.5, max + 0.5);
        }
        // markers on sparse series (one per epoch) would be cut in half at the plot's edges
        boolean sparse = series.stream().allMatch(s -> s.data().size() <= plotW / 8);
        double pad = sparse ? (max - min) * 0.03 : 0;
        return new Range(min - pad, max + pad);
    }

    private Range yRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.data().hasFiniteY()) {
                min = Math.min(min, s.data().minY());
                max = Math.max(max, s.data().maxY());
            }
        }
        if (min > max) {
            return null;
        }
        if (includeZero) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        double pad = max == min ? Math.max(Math.abs(max) * 0.1, 1e-6) : (max - min) * 0.05;
        return new Range(includeZero && min == 0 ? 0 : min - pad, max + pad);
    }

    private void drawAxes(GraphicsContext gc, Axes a) {
        gc.setFont(TICK_FONT);
        gc.setLineWidth(1);
        gc.setLineDashes();
        double xStep = ChartScale.niceStep(a.x.span(), Math.max(2, a.w / 90));
        double yStep = ChartScale.niceStep(a.y.span(), Math.max(2, a.h / 38));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double v = Math.ceil(a.x.min / xStep) * xStep; v <= a.x.max + xStep * 1e-9; v += xStep) {
            double px = a.px(v);
            gc.setStroke(Color.web("#eceff1"));
            gc.strokeLine(snap(px), a.top, snap(px), a.top + a.h);
            gc.setFill(Color.web("#455a64"));
            gc.fillText(ChartScale.format(v, xStep), px, a.top + a.h + 4);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(a.y.min / yStep) * yStep; v <= a.y.max + yStep * 1e-9; v += yStep) {
            double py = a.py(v);
            gc.setStroke(Color.web("#eceff1"));
            gc.strokeLine(a.left, snap(py), a.left + a.w, snap(py));
            gc.setFill(Color.web("#455a64"));
            gc.fillText(ChartScale.format(v, yStep), a.left - 5, py);
        }
        gc.setStroke(Color.web("#90a4ae"));
        gc.strokeRect(snap(a.left), snap(a.top), a.w, a.h);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.BOTTOM);
        gc.setFill(Color.web("#546e7a"));
        gc.fillText(xLabel, a.left + a.w / 2, a.top + a.h + BOTTOM - 1);
    }

    private int[] drawSeries(GraphicsContext gc, Axes a, Series s) {
        int[] picks = Decimator.decimate(s.data(), a.x.min, a.x.max, (int) Math.max(1, Math.ceil(a.w)));
        if (picks.length == 0) {
            return picks;
        }
        drawnPoints += picks.length;
        applyStyle(gc, s);
        SeriesData d = s.data();
        if (s.style() == Style.FAINT_LINE && d.size() > 3 * a.w) {
            drawBand(gc, a, d, picks, s.color());
            return picks;
        }
        gc.beginPath();
        gc.moveTo(a.px(d.x(picks[0])), a.py(d.y(picks[0])));
        for (int i = 1; i < picks.length; i++) {
            gc.lineTo(a.px(d.x(picks[i])), a.py(d.y(picks[i])));
        }
        gc.stroke();
        // markers only where points are far apart on screen (one per epoch), not on a run's first few steps
        double spanPixels = d.size() < 2 ? 0 : (d.lastX() - d.firstX()) / a.x.span() * a.w;
        boolean sparse = s.style() == Style.LINE && d.size() >= 2 && spanPixels / (d.size() - 1) >= 8;
        if (sparse || picks.length == 1) {
            gc.setFill(s.color());
            for (int index : picks) {
                gc.fillOval(a.px(d.x(index)) - 3, a.py(d.y(index)) - 3, 6, 6);
            }
        }
        gc.setLineDashes();
        return picks;
    }

    /**
     * Dense companion series (raw loss under its EMA) as one min..max bar per pixel column: looks like the dense
     * polyline but rasterises as simple rectangles, several times faster on the software pipeline.
     */
    private static void drawBand(GraphicsContext gc, Axes a, SeriesData d, int[] picks, Color color) {
        gc.setFill(color.deriveColor(0, 1, 1, 0.28));
        int column = Integer.MIN_VALUE;
        double top = 0;
        double bottom = 0;
        for (int index : picks) {
            int c = (int) Math.floor(a.px(d.x(index)));
            double py = a.py(d.y(index));
            if (c != column) {
                if (column != Integer.MIN_VALUE) {
                    gc.fillRect(column, top, 1, bottom - top + 1);
                }
                column = c;
                top = py;
                bottom = py;
            } else {
                top = Math.min(top, py);
                bottom = Math.max(bottom, py);
            }
        }
        gc.fillRect(column, top, 1, bottom - top + 1);
    }

    private static void applyStyle(GraphicsContext gc, Series s) {
        switch (s.style()) {
            case FAINT_LINE -> {
                gc.setStroke(s.color().deriveColor(0, 1, 1, 0.28));
                gc.setLineWidth(1);
                gc.setLineDashes();
            }
            case DASHED -> {
                gc.setStroke(s.color());
                gc.setLineWidth(1.4);
                gc.setLineDashes(7, 5);
            }
            case DOTTED -> {
                gc.setStroke(s.color());
                gc.setLineWidth(1.4);
                gc.setLineDashes(2, 4);
            }
            default -> {
                gc.setStroke(s.color());
                gc.setLineWidth(1.8);
                gc.setLineDashes();
            }
        }
    }

    private void drawLegend(GraphicsContext gc, Axes a, List<int[]> drawn) {
        Map<String, Series> entries = new LinkedHashMap<>();
        for (Series s : series) {
            if (s.inLegend() && !s.data().isEmpty()) {
                entries.putIfAbsent(s.name(), s);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        gc.setFont(TICK_FONT);
        double width = 0;
        for (String name : entries.keySet()) {
            width = Math.max(width, name.length() * 6.2);
        }
        double boxW = width + 36;
        double boxH = entries.size() * 15 + 6;
        double[] corner = emptiestCorner(a, boxW, boxH, drawn);
        double x = corner[0];
        double y = corner[1];
        gc.setFill(Color.rgb(255, 255, 255, 0.85));
        gc.fillRect(x, y, boxW, boxH);
        gc.setStroke(Color.web("#cfd8dc"));
        gc.setLineWidth(1);
        gc.strokeRect(snap(x), snap(y), boxW, boxH);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        double row = y + 10;
        for (Series s : entries.values()) {
            if (s.style() == Style.FAINT_LINE) {
                gc.setFill(s.color().deriveColor(0, 1, 1, 0.35));
                gc.fillRect(x + 6, row - 4, 20, 8);
            } else {
                applyStyle(gc, s);
                gc.strokeLine(x + 6, row, x + 26, row);
                gc.setLineDashes();
            }
            gc.setFill(Color.web("#263238"));
            gc.fillText(s.name(), x + 31, row);
            row += 15;
        }
    }

    private void clearHover() {
        hoverLayer.getGraphicsContext2D().clearRect(0, 0, hoverLayer.getWidth(), hoverLayer.getHeight());
    }

    /** A guide line at the mouse and the nearest point's value of every named series. */
    private void drawHover(double mouseX) {
        clearHover();
        Axes a = lastAxes;
        if (a == null || mouseX < a.left || mouseX > a.left + a.w) {
            return;
        }
        double x = a.x.min + (mouseX - a.left) / a.w * a.x.span();
        GraphicsContext gc = hoverLayer.getGraphicsContext2D();
        gc.setStroke(Color.web("#90a4ae"));
        gc.setLineWidth(1);
        gc.setLineDashes(3, 3);
        gc.strokeLine(Math.floor(mouseX) + 0.5, a.top, Math.floor(mouseX) + 0.5, a.top + a.h);
        gc.setLineDashes();
        java.util.List<String> lines = new java.util.ArrayList<>();
        java.util.List<Color> colours = new java.util.ArrayList<>();
        for (Series s : series) {
            if (!s.inLegend() || s.style() == Style.FAINT_LINE || s.data().isEmpty()) {
                continue;
            }
            int i = ChartScale.nearest(s.data(), x);
            double y = s.data().y(i);
            if (Double.isFinite(y)) {
                lines.add(String.format(Locale.ROOT, "%s: %.4g at %s %s", s.name(), y, xLabel,
                        ChartScale.format(s.data().x(i), 1)));
                colours.add(s.color());
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        gc.setFont(TICK_FONT);
        double boxW = lines.stream().mapToDouble(l -> l.length() * 6.2).max().orElse(0) + 12;
        double boxH = lines.size() * 15 + 6;
        double bx = mouseX + 10 + boxW > a.left + a.w ? mouseX - 10 - boxW : mouseX + 10;
        double by = a.top + a.h - boxH - 6;
        gc.setFill(Color.rgb(255, 255, 255, 0.92));
        gc.fillRect(bx, by, boxW, boxH);
        gc.setStroke(Color.web("#b0bec5"));
        gc.strokeRect(Math.floor(bx) + 0.5, Math.floor(by) + 0.5, boxW, boxH);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < lines.size(); i++) {
            gc.setFill(colours.get(i));
            gc.fillText(lines.get(i), bx + 6, by + 10 + i * 15);
        }
    }

    /** The plot corner (top-right first) whose legend box would hide the fewest drawn points. */
    private double[] emptiestCorner(Axes a, double boxW, double boxH, List<int[]> drawn) {
        double[][] corners = {
                {a.left + a.w - boxW - 6, a.top + 6}, {a.left + 6, a.top + 6},
                {a.left + a.w - boxW - 6, a.top + a.h - boxH - 6}, {a.left + 6, a.top + a.h - boxH - 6}};
        double[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            int hidden = 0;
            for (int s = 0; s < series.size(); s++) {
                SeriesData d = series.get(s).data();
                for (int index : drawn.get(s)) {
                    double px = a.px(d.x(index));
                    double py = a.py(d.y(index));
                    if (px >= c[0] - 4 && px <= c[0] + boxW + 4 && py >= c[1] - 4 && py <= c[1] + boxH + 4) {
                        hidden++;
                    }
                }
            }
            if (hidden < fewest) {
                fewest = hidden;
                best = c;
            }
        }
        return best;
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    /** Points actually stroked at the last redraw (after decimation). */
    public int drawnPoints() {
        return drawnPoints;
    }

    /** Points held by all series at the last redraw. */
    public int dataPoints() {
        return dataPoints;
    }

    /** Wall time of the last redraw's drawing calls on the FX thread (rasterising happens later, on the pulse). */
    public long lastRedrawNanos() {
        return lastRedrawNanos;
    }

    Canvas canvas() {
        return canvas;
    }

    private record Range(double min, double max) {
        double span() {
            return max - min;
        }
    }

    private record Axes(double left, double top, double w, double h, Range x, Range y) {
        double px(double v) {
            return left + (v - x.min) / x.span() * w;
        }

        double py(double v) {
            return top + h - (v - y.min) / y.span() * h;
        }
    }

    /** Distinct colours for runs in an overlay (Tableau 10). */
    public static Color palette(int index) {
        List<String> colours = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
                "#7f7f7f", "#bcbd22", "#17becf");
        return Color.web(colours.get(Math.floorMod(index, colours.size())));
    }
}
