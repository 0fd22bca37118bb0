package org.simsiamexplorer.analysis.map;

/**
 * Maps 2-D layout ("world") coordinates to screen pixels: {@code screen = world * scale + offset}, the same scale
 * on both axes so that distances in the map are not distorted. Immutable; every gesture returns a new viewport.
 *
 * @param scale   screen pixels per world unit (> 0)
 * @param offsetX screen x of world x = 0
 * @param offsetY screen y of world y = 0
 */
public record Viewport(double scale, double offsetX, double offsetY) {
    /** Zoom limits relative to any scale: far enough to see a whole 60k map, close enough to separate neighbours. */
    public static final double MIN_SCALE = 1e-9;
    public static final double MAX_SCALE = 1e9;

    public Viewport {
        if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(offsetX) || !Double.isFinite(offsetY)) {
            throw new IllegalArgumentException("viewport needs a positive finite scale and finite offsets, got scale="
                    + scale + " offset=(" + offsetX + ", " + offsetY + ")");
        }
    }

    /** The viewport that shows all of {@code world} centred in a {@code width x height} screen, with a margin. */
    public static Viewport fit(WorldBounds world, double width, double height, double marginPixels) {
        double usableW = Math.max(1, width - 2 * marginPixels);
        double usableH = Math.max(1, height - 2 * marginPixels);
        // a degenerate layout (one point, or all on a line) still gets a finite scale
        double spanX = Math.max(world.width(), 1e-12);
        double spanY = Math.max(world.height(), 1e-12);
        double scale = Math.min(usableW / spanX, usableH / spanY);
        if (world.width() <= 1e-12 && world.height() <= 1e-12) {
            scale = 1;
        }
        double offsetX = width / 2 - world.centerX() * scale;
        double offsetY = height / 2 - world.centerY() * scale;
        return new Viewport(scale, offsetX, offsetY);
    }

    public double toScreenX(double worldX) {
        return worldX * scale + offsetX;
    }

    public double toScreenY(double worldY) {
        return worldY * scale + offsetY;
    }

    public double toWorldX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    public double toWorldY(double screenY) {
        return (screenY - offsetY) / scale;
    }

    /** Zooms by {@code factor} (> 1 zooms in) so that the world point under the screen point stays where it is. */
    public Viewport zoomAbout(double screenX, double screenY, double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("zoom factor must be positive and finite, got " + factor);
        }
        double newScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double worldX = toWorldX(screenX);
        double worldY = toWorldY(screenY);
        return new Viewport(newScale, screenX - worldX * newScale, screenY - worldY * newScale);
    }

    /** Moves the map by a screen-pixel delta (a drag). */
    public Viewport panBy(double dxPixels, double dyPixels) {
        return new Viewport(scale, offsetX + dxPixels, offsetY + dyPixels);
    }

    /** The part of the world that a {@code width x height} screen shows. */
    public WorldBounds visibleWorld(double width, double height) {
        return new WorldBounds(toWorldX(0), toWorldY(0), toWorldX(width), toWorldY(height));
    }
}
