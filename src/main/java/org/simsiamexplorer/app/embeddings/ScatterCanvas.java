package org.simsiamexplorer.app.embeddings;

import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.simsiamexplorer.analysis.map.Viewport;
import org.simsiamexplorer.analysis.map.WorldBounds;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The map itself: points rasterised into one reused pixel buffer (see {@link ScatterRasterizer}), shared with a
 * {@link WritableImage} through a {@link PixelBuffer} (no copy) and drawn on a canvas,
 * with a second canvas on top for the cheap overlays (hover, selection, rubber band) so hovering never redraws
 * the points. Wheel zooms around the cursor, drag pans, Shift+drag selects a rectangle, Ctrl+drag a lasso;
 * keys: + / - zoom, 0 fits all, arrows pan. Redraws are coalesced to at most one per frame.
 */
public final class ScatterCanvas extends Region {
    private static final double PICK_PIXELS = 6;
    private static final double KEY_ZOOM = 1.25;
    private static final double KEY_PAN = 40;

    private final MapViewModel viewModel;
    private final IntConsumer onPick;
    private final IntFunction<Image> thumbnail;
    private final IntFunction<String> classNames;
    private final Canvas points = new Canvas();
    private final Canvas overlay = new Canvas();
    private final ImageView hoverImage = new ImageView();
    private final Label hoverLabel = new Label();
    private final VBox hoverTip = new VBox(2, hoverImage, hoverLabel);
    private final ScatterRasterizer rasterizer = new ScatterRasterizer();
    private final RenderTimes renderTimes = new RenderTimes(240);
    private final RenderTimes rasterTimes = new RenderTimes(240);
    private final RenderTimes copyTimes = new RenderTimes(240);
    private WritableImage frame;
    private PixelBuffer<IntBuffer> frameBuffer;
    private Viewport viewport = new Viewport(1, 0, 0);
    private double fitScale = 1;
    private boolean userMovedView;
    private MapData lastData;
    private boolean[] dimmed;
    private int hoverRow = -1;
    private boolean pointsDirty = true;
    private boolean overlayDirty = true;
    private final AnimationTimer redraw = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            drawDirty();
        }
    };

    // drag state
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private DragMode dragMode = DragMode.NONE;
    private double[] lasso = new double[64];
    private int lassoLength;

    private enum DragMode { NONE, PAN, RECTANGLE, LASSO }

    ScatterCanvas(MapViewModel viewModel, IntConsumer onPick, IntFunction<Image> thumbnail,
                  IntFunction<String> classNames) {
        this.viewModel = viewModel;
        this.onPick = onPick;
        this.thumbnail = thumbnail;
        this.classNames = classNames;
        getStyleClass().add("scatter-map");
        setFocusTraversable(true);
        setMinSize(120, 120);
        setPrefSize(700, 600);
        overlay.setMouseTransparent(true);
        hoverTip.getStyleClass().add("map-hover-tip");
        hoverTip.setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-padding: 3; "
                + "-fx-border-color: #90a4ae; -fx-font-size: 11px;");
        hoverTip.setManaged(false);
        hoverTip.setVisible(false);
        hoverTip.setMouseTransparent(true);
        getChildren().addAll(points, overlay, hoverTip);

        viewModel.dataProperty().addListener((obs, old, data) -> onData(data));
        viewModel.hiddenClasses().addListener((javafx.collections.SetChangeListener<Integer>) c -> invalidatePoints());
        viewModel.selectedRowProperty().addListener((obs, old, row) -> invalidateOverlay());
        viewModel.areaSelectionProperty().addListener((obs, old, rows) -> {
            dimmed = dimmedFlags(rows);
            invalidatePoints();
        });

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHover(-1, 0, 0));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    // ---- view state ----

    Viewport viewport() {
        return viewport;
    }

    /** Layout coordinates currently visible. */
    WorldBounds visibleWorld() {
        return viewport.visibleWorld(points.getWidth(), points.getHeight());
    }

    /** Where a row's point is drawn, in this node's coordinates. */
    Point2D positionOf(int row) {
        MapData data = viewModel.dataProperty().get();
        return new Point2D(viewport.toScreenX(data.layout().xy()[2 * row]),
                viewport.toScreenY(data.layout().xy()[2 * row + 1]));
    }

    /** Whole {@link #renderPoints()} calls. */
    public RenderTimes renderTimes() {
        return renderTimes;
    }

    /** The rasterising part alone. */
    public RenderTimes rasterTimes() {
        return rasterTimes;
    }

    /** Handing the pixels to the image (dirty-region update). */
    public RenderTimes copyTimes() {
        return copyTimes;
    }

    public void fitAll() {
        MapData data = viewModel.dataProperty().get();
        if (data != null && points.getWidth() > 0) {
            viewport = Viewport.fit(data.grid().bounds(), points.getWidth(), points.getHeight(), 16);
            fitScale = viewport.scale();
        }
        userMovedView = false;
        invalidatePoints();
    }

    public void zoomAboutCentre(double factor) {
        setViewport(viewport.zoomAbout(points.getWidth() / 2, points.getHeight() / 2, factor));
    }

    private void setViewport(Viewport next) {
        viewport = next;
        userMovedView = true;
        invalidatePoints();
    }

    private void onData(MapData data) {
        boolean newFeatures = lastData == null || data == null || lastData.features() != data.features();
        lastData = data;
        if (newFeatures) {
            userMovedView = false;
            dimmed = null;
        }
        // t-SNE spreads out while it optimises: follow it until the user takes over the view
        if (!userMovedView) {
            fitAll();
        }
        invalidatePoints();
    }

    private boolean[] dimmedFlags(int[] selectedRows) {
        MapData data = viewModel.dataProperty().get();
        if (data == null || selectedRows.length == 0) {
            return null;
        }
        boolean[] flags = new boolean[data.rows()];
        Arrays.fill(flags, true);
        for (int row : selectedRows) {
            flags[row] = false;
        }
        return flags;
    }

    // ---- drawing ----

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != points.getWidth() || h != points.getHeight()) {
            points.setWidth(w);
            points.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            if (!userMovedView) {
                fitAll();
            }
            invalidatePoints();
        }
        hoverTip.autosize();
    }

    void invalidatePoints() {
        pointsDirty = true;
        overlayDirty = true;
        redraw.start();
    }

    void invalidateOverlay() {
        overlayDirty = true;
        redraw.start();
    }

    private void drawDirty() {
        if (pointsDirty) {
            renderPoints();
        }
        if (overlayDirty) {
            renderOverlay();
        }
    }

    /** Rasterises all points and copies them to the canvas in one PixelWriter call; timed for the benchmark. */
    public void renderPoints() {
        long start = System.nanoTime();
        pointsDirty = false;
        int w = (int) points.getWidth();
        int h = (int) points.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        rasterizer.resize(w, h);
        MapData data = viewModel.dataProperty().get();
        if (data == null) {
            Arrays.fill(rasterizer.pixels(), ScatterRasterizer.BACKGROUND);
        } else {
            double zoom = viewport.scale() / fitScale;
            rasterizer.render(data.layout().xy(), data.features().labels(), viewModel.hiddenFlags(256), dimmed,
                    viewport, PointStyle.radius(data.rows(), zoom), PointStyle.opacity(data.rows(), zoom),
                    data.grid().cellOrder());
        }
        rasterTimes.record(System.nanoTime() - start);
        long copyStart = System.nanoTime();
        if (frameBuffer == null || frameBuffer.getBuffer().array() != rasterizer.pixels()) {
            // the image shares the rasterizer's array: no per-frame copy, only a dirty-region update
            frameBuffer = new PixelBuffer<>(w, h, IntBuffer.wrap(rasterizer.pixels()),
                    PixelFormat.getIntArgbPreInstance());
            frame = new WritableImage(frameBuffer);
        } else {
            frameBuffer.updateBuffer(buffer -> null);
        }
        copyTimes.record(System.nanoTime() - copyStart);
        GraphicsContext g = points.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.drawImage(frame, 0, 0);
        renderTimes.record(System.nanoTime() - start);
    }

    private void renderOverlay() {
        overlayDirty = false;
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        MapData data = viewModel.dataProperty().get();
        if (data == null) {
            return;
        }
        int selected = viewModel.selectedRowProperty().get();
        if (selected >= 0 && selected < data.rows()) {
            Point2D p = positionOf(selected);
            g.setStroke(Color.WHITE);
            g.setLineWidth(5);
            g.strokeOval(p.getX() - 9, p.getY() - 9, 18, 18);
            g.setStroke(Color.BLACK);
            g.setLineWidth(2.5);
            g.strokeOval(p.getX() - 9, p.getY() - 9, 18, 18);
            g.strokeLine(p.getX() - 16, p.getY(), p.getX() - 10, p.getY());
            g.strokeLine(p.getX() + 10, p.getY(), p.getX() + 16, p.getY());
            g.strokeLine(p.getX(), p.getY() - 16, p.getX(), p.getY() - 10);
            g.strokeLine(p.getX(), p.getY() + 10, p.getX(), p.getY() + 16);
        }
        if (hoverRow >= 0 && hoverRow < data.rows()) {
            Point2D p = positionOf(hoverRow);
            g.setStroke(Color.web("#263238"));
            g.setLineWidth(1.5);
            g.strokeOval(p.getX() - 6, p.getY() - 6, 12, 12);
        }
        if (dragMode == DragMode.RECTANGLE && dragged) {
            g.setFill(Color.rgb(33, 150, 243, 0.12));
            g.setStroke(Color.rgb(33, 150, 243));
            g.setLineWidth(1);
            double x = Math.min(pressX, lastX);
            double y = Math.min(pressY, lastY);
            g.fillRect(x, y, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
            g.strokeRect(x, y, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
        } else if (dragMode == DragMode.LASSO && lassoLength >= 4) {
            g.setFill(Color.rgb(33, 150, 243, 0.12));
            g.setStroke(Color.rgb(33, 150, 243));
            g.setLineWidth(1);
            g.beginPath();
            g.moveTo(lasso[0], lasso[1]);
            for (int i = 2; i + 1 < lassoLength; i += 2) {
                g.lineTo(lasso[i], lasso[i + 1]);
            }
            g.closePath();
            g.fill();
            g.stroke();
        }
    }

    // ---- input ----

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragged = false;
        if (e.isShiftDown()) {
            dragMode = DragMode.RECTANGLE;
        } else if (e.isShortcutDown() || e.isControlDown()) {
            dragMode = DragMode.LASSO;
            lassoLength = 0;
            addLassoPoint(e.getX(), e.getY());
        } else {
            dragMode = DragMode.PAN;
        }
    }

    private void dragged(MouseEvent e) {
        if (dragMode == DragMode.NONE) {
            return;
        }
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3) {
            dragged = true;
        }
        if (dragMode == DragMode.PAN && dragged) {
            setViewport(viewport.panBy(e.getX() - lastX, e.getY() - lastY));
        } else if (dragMode == DragMode.LASSO) {
            addLassoPoint(e.getX(), e.getY());
            invalidateOverlay();
        } else {
            invalidateOverlay();
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        DragMode mode = dragMode;
        dragMode = DragMode.NONE;
        if (mode == DragMode.NONE) {
            return;
        }
        if (!dragged) {
            onPick.accept(pickAt(e.getX(), e.getY()));
        } else if (mode == DragMode.RECTANGLE) {
            viewModel.selectArea(WorldBounds.spanning(viewport.toWorldX(pressX), viewport.toWorldY(pressY),
                    viewport.toWorldX(e.getX()), viewport.toWorldY(e.getY())));
        } else if (mode == DragMode.LASSO) {
            double[] polygon = new double[lassoLength];
            for (int i = 0; i + 1 < lassoLength; i += 2) {
                polygon[i] = viewport.toWorldX(lasso[i]);
                polygon[i + 1] = viewport.toWorldY(lasso[i + 1]);
            }
            viewModel.selectLasso(polygon);
        }
        invalidateOverlay();
    }

    private void addLassoPoint(double x, double y) {
        if (lassoLength + 2 > lasso.length) {
            lasso = Arrays.copyOf(lasso, lasso.length * 2);
        }
        lasso[lassoLength++] = x;
        lasso[lassoLength++] = y;
    }

    /** The visible point under a position of this node (within a few pixels), or -1. */
    int pickAt(double x, double y) {
        return viewModel.pick(viewport.toWorldX(x), viewport.toWorldY(y), PICK_PIXELS / viewport.scale());
    }

    private void hovered(MouseEvent e) {
        setHover(pickAt(e.getX(), e.getY()), e.getX(), e.getY());
    }

    private void setHover(int row, double x, double y) {
        if (row != hoverRow) {
            hoverRow = row;
            invalidateOverlay();
            MapData data = viewModel.dataProperty().get();
            if (row >= 0 && data != null) {
                hoverImage.setImage(thumbnail.apply(row));
                hoverLabel.setText("#" + data.datasetIndex(row) + " " + classNames.apply(data.label(row)));
            }
            hoverTip.setVisible(row >= 0);
        }
        if (row >= 0) {
            hoverTip.autosize();
            double tipX = x + 14 + hoverTip.getWidth() > getWidth() ? x - 14 - hoverTip.getWidth() : x + 14;
            double tipY = y + 14 + hoverTip.getHeight() > getHeight() ? y - 14 - hoverTip.getHeight() : y + 14;
            hoverTip.relocate(tipX, tipY);
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        setViewport(viewport.zoomAbout(e.getX(), e.getY(), Math.pow(1.0025, e.getDeltaY())));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomAboutCentre(KEY_ZOOM);
            case MINUS, SUBTRACT -> zoomAboutCentre(1 / KEY_ZOOM);
            case DIGIT0, NUMPAD0 -> fitAll();
            case LEFT -> setViewport(viewport.panBy(KEY_PAN, 0));
            case RIGHT -> setViewport(viewport.panBy(-KEY_PAN, 0));
            case UP -> setViewport(viewport.panBy(0, KEY_PAN));
            case DOWN -> setViewport(viewport.panBy(0, -KEY_PAN));
            case ESCAPE -> viewModel.clearAreaSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }
}
