package org.simsiamexplorer.app.embeddings;

import org.simsiamexplorer.analysis.map.Viewport;

import java.util.Arrays;

/**
 * Draws tens of thousands of points into a reused {@code int[]} of opaque ARGB pixels (one pass, alpha-blended
 * discs from a precomputed stamp), which the canvas then copies with one PixelWriter call. This replaces 60k
 * fillOval calls; it uses no JavaFX so it is measured directly by {@code bench/ScatterRenderBench.java}.
 */
public final class ScatterRasterizer {
    public static final int BACKGROUND = 0xFFFFFFFF;
    private static final int[] COLOURS = new int[256];

    static {
        for (int c = 0; c < COLOURS.length; c++) {
            COLOURS[c] = ClassPalette.rgb(c);
        }
    }

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private int stampRadius = -1;
    private int[] stampDx = new int[0];
    private int[] stampDy = new int[0];
    private int[] stampOffsets = new int[0];
    private int stampWidth = -1;

    /** Resizes the buffer only when the size changes, so redraws allocate nothing. */
    public void resize(int newWidth, int newHeight) {
        int w = Math.max(1, newWidth);
        int h = Math.max(1, newHeight);
        if (w != width || h != height) {
            width = w;
            height = h;
            pixels = new int[w * h];
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixel buffer, row-major, {@code width * height} opaque ARGB (also valid as premultiplied ARGB). */
    public int[] pixels() {
        return pixels;
    }

    /**
     * Draws every visible point.
     *
     * @param xy        interleaved layout coordinates
     * @param classes   class of each point (0..n)
     * @param hidden    hidden[c] hides class c; may be shorter than the class count
     * @param dimmed    when not null, points with {@code dimmed[i]} are drawn faint (not in a filter/selection)
     * @param radius    disc radius in pixels (0 = single pixel)
     * @param opacity   0..1
     * @param order     the order to draw the points in (e.g. {@link org.simsiamexplorer.analysis.map.PointGrid#cellOrder()},
     *                  spatially sorted, which is several times faster on a busy CPU cache), or null for row order
     */
    public void render(float[] xy, byte[] classes, boolean[] hidden, boolean[] dimmed, Viewport viewport,
                       int radius, double opacity, int[] order) {
        Arrays.fill(pixels, BACKGROUND);
        prepareStamp(radius);
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        int faint = Math.max(12, alpha / 3);
        double scale = viewport.scale();
        double offsetX = viewport.offsetX();
        double offsetY = viewport.offsetY();
        int n = order == null ? classes.length : order.length;
        int[] colours = COLOURS;
        for (int k = 0; k < n; k++) {
            int i = order == null ? k : order[k];
            int c = classes[i] & 0xFF;
            if (c < hidden.length && hidden[c]) {
                continue;
            }
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            // NaN compares false, so non-finite points fall out here too
            double sx = x * scale + offsetX;
            double sy = y * scale + offsetY;
            if (!(sx > -radius - 1 && sx < width + radius + 1 && sy > -radius - 1 && sy < height + radius + 1)) {
                continue;
            }
            int a = dimmed != null && dimmed[i] ? faint : alpha;
            stamp((int) Math.floor(sx), (int) Math.floor(sy), colours[c & 0xFF], a);
        }
    }

    private void prepareStamp(int radius) {
        if (radius == stampRadius && stampWidth == width) {
            return;
        }
        int r = Math.max(0, radius);
        int[] dx = new int[(2 * r + 1) * (2 * r + 1)];
        int[] dy = new int[dx.length];
        int count = 0;
        double limit = (r + 0.5) * (r + 0.5);
        for (int y = -r; y <= r; y++) {
            for (int x = -r; x <= r; x++) {
                if (x * x + y * y <= limit) {
                    dx[count] = x;
                    dy[count] = y;
                    count++;
                }
            }
        }
        stampDx = Arrays.copyOf(dx, count);
        stampDy = Arrays.copyOf(dy, count);
        stampOffsets = new int[count];
        for (int k = 0; k < count; k++) {
            stampOffsets[k] = stampDy[k] * width + stampDx[k];
        }
        stampRadius = radius;
        stampWidth = width;
    }

    /**
     * Alpha-blends one disc. Red and blue are blended together in one int ({@code 0x00FF00FF} lanes never carry
     * into each other: 255 * 256 fits in 16 bits), green separately: two multiplies per channel pair.
     */
    private void stamp(int cx, int cy, int rgb, int alpha) {
        int srcRb = (rgb & 0xFF00FF) * alpha;
        int srcG = (rgb & 0x00FF00) * alpha;
        int keep = 256 - alpha;
        int[] px = pixels;
        int r = stampRadius;
        if (cx >= r && cy >= r && cx < width - r && cy < height - r) {
            // fast path: the whole disc is inside, no per-pixel bounds checks
            int centre = cy * width + cx;
            for (int offset : stampOffsets) {
                int p = centre + offset;
                int d = px[p];
                int rb = ((srcRb + (d & 0xFF00FF) * keep) >>> 8) & 0xFF00FF;
                int g = ((srcG + (d & 0x00FF00) * keep) >>> 8) & 0x00FF00;
                px[p] = 0xFF000000 | rb | g;
            }
            return;
        }
        int[] dxs = stampDx;
        int[] dys = stampDy;
        for (int k = 0; k < dxs.length; k++) {
            int x = cx + dxs[k];
            int y = cy + dys[k];
            if (x < 0 || y < 0 || x >= width || y >= height) {
                continue;
            }
            int p = y * width + x;
            int d = px[p];
            int rb = ((srcRb + (d & 0xFF00FF) * keep) >>> 8) & 0xFF00FF;
            int g = ((srcG + (d & 0x00FF00) * keep) >>> 8) & 0x00FF00;
            px[p] = 0xFF000000 | rb | g;
        }
    }
}
