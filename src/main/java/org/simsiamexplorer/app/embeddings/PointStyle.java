package org.simsiamexplorer.app.embeddings;

/**
 * Point size and opacity for a map of {@code n} points at a zoom relative to "fit all": dense maps start with
 * small faint points (so overlaps show density), and points grow and firm up as the user zooms in.
 */
final class PointStyle {
    private PointStyle() {
    }

    /** Disc radius in pixels (0 = a single pixel). */
    static int radius(int n, double zoom) {
        double base = n > 30_000 ? 1.0 : n > 3_000 ? 1.6 : 3.0;
        double r = base * Math.sqrt(Math.max(zoom, 1e-6));
        return (int) Math.round(Math.max(0, Math.min(7, r)));
    }

    static double opacity(int n, double zoom) {
        double base = n > 30_000 ? 0.45 : n > 3_000 ? 0.6 : 0.9;
        double o = base + 0.12 * Math.log(Math.max(zoom, 1e-6)) / Math.log(2);
        return Math.max(0.25, Math.min(1, o));
    }
}
