package org.simsiamexplorer.service;

import java.util.Locale;

/**
 * Which 2-D layout of a feature set to compute. Immutable; the file key names every parameter that changes the
 * result, so a cached layout is only reused for the same settings.
 *
 * @param method     PCA (instant, linear) or t-SNE (slow, shows local clusters)
 * @param perplexity t-SNE's effective number of neighbours (default 30; ignored by PCA); 2 .. 200
 * @param iterations t-SNE gradient steps (default 750; ignored by PCA)
 * @param seed       t-SNE's random start (default 42; ignored by PCA)
 */
public record LayoutSpec(Method method, double perplexity, int iterations, long seed) {
    public static final double DEFAULT_PERPLEXITY = 30;
    public static final int DEFAULT_ITERATIONS = 750;
    public static final long DEFAULT_SEED = 42;

    public enum Method { PCA, TSNE }

    public LayoutSpec {
        if (method == null) {
            throw new IllegalArgumentException("choose a layout method (PCA or t-SNE)");
        }
        if (!(perplexity >= 2 && perplexity <= 200)) {
            throw new IllegalArgumentException("t-SNE perplexity must be between 2 and 200, got " + perplexity);
        }
        if (iterations < 1 || iterations > 100_000) {
            throw new IllegalArgumentException("t-SNE iterations must be between 1 and 100000, got " + iterations);
        }
    }

    public static LayoutSpec pca() {
        return new LayoutSpec(Method.PCA, DEFAULT_PERPLEXITY, DEFAULT_ITERATIONS, DEFAULT_SEED);
    }

    public static LayoutSpec tsne(double perplexity) {
        return new LayoutSpec(Method.TSNE, perplexity, DEFAULT_ITERATIONS, DEFAULT_SEED);
    }

    /** File-name part that identifies these settings, e.g. {@code pca} or {@code tsne-p30-i750-s42}. */
    public String fileKey() {
        if (method == Method.PCA) {
            return "pca";
        }
        return String.format(Locale.ROOT, "tsne-p%s-i%d-s%d", trim(perplexity), iterations, seed);
    }

    /** Short text for the UI, e.g. "t-SNE (perplexity 30)". */
    public String describe() {
        return method == Method.PCA ? "PCA" : "t-SNE (perplexity " + trim(perplexity) + ")";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
