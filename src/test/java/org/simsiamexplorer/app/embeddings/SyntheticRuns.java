package org.simsiamexplorer.app.embeddings;

import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.FeatureSpaceStatistics;
import org.simsiamexplorer.service.LayoutEngine;
import org.simsiamexplorer.service.LayoutSpec;
import org.simsiamexplorer.service.MapLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Test fixtures: runs with Gaussian-cluster features, solid-colour images, and a transparent layout engine. */
final class SyntheticRuns {
    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    private SyntheticRuns() {
    }

    /**
     * A run folder with one test feature set: {@code perClass} points per class around class-specific centres
     * (dims 0 and 1 hold the centre, so the first-two-dimensions layout separates the classes). Row r shows
     * dataset image {@code (r * stride) mod rows} (stride coprime with rows): every run holds the same images,
     * in a different row order; an image's class is its index mod 10.
     */
    static Path writeRun(Path runsFolder, String name, int perClass, int dim, long seed, int stride)
            throws IOException {
        Path run = runsFolder.resolve(name);
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.json"), "{}");
        int rows = perClass * 10;
        Random random = new Random(seed);
        float[] values = new float[rows * dim];
        byte[] labels = new byte[rows];
        int[] indices = new int[rows];
        for (int r = 0; r < rows; r++) {
            indices[r] = (int) ((long) r * stride % rows);
            int label = indices[r] % 10;
            labels[r] = (byte) label;
            for (int d = 0; d < dim; d++) {
                values[r * dim + d] = (float) (random.nextGaussian() * 0.6);
            }
            values[r * dim] += (float) (10 * Math.cos(label * Math.PI / 5));
            values[r * dim + 1] += (float) (10 * Math.sin(label * Math.PI / 5));
        }
        new FeatureSet("test", 3, rows, dim, indices, values, labels).write(run.resolve("features"));
        return run;
    }

    /** Image i is a flat colour derived from i, so a thumbnail tells which image it is. */
    static ImageSource flatImages(int size) {
        return new ImageSource() {
            @Override
            public int[] rgbPixels(int datasetIndex) {
                int[] rgb = new int[32 * 32];
                java.util.Arrays.fill(rgb, (datasetIndex * 2654435761L & 0xFFFFFF) == 0 ? 1
                        : (int) (datasetIndex * 2654435761L & 0xFFFFFF));
                return rgb;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public List<String> classNames() {
                return CLASS_NAMES;
            }
        };
    }

    /**
     * A layout engine that shows its work: PCA = the first two feature dimensions; t-SNE = the same, reached in
     * {@code steps} intermediate layouts that shrink towards it (so tests can watch the animation and cancel it).
     */
    static final class FirstTwoDimensions implements LayoutEngine {
        final int steps;
        int computations;

        FirstTwoDimensions(int steps) {
            this.steps = steps;
        }

        @Override
        public MapLayout compute(FeatureSet features, LayoutSpec spec, Listener listener, BooleanSupplier cancelled) {
            computations++;
            float[] xy = new float[2 * features.rows()];
            for (int r = 0; r < features.rows(); r++) {
                xy[2 * r] = features.values()[r * features.dim()];
                xy[2 * r + 1] = features.values()[r * features.dim() + 1];
            }
            if (spec.method() == LayoutSpec.Method.TSNE) {
                for (int s = 1; s <= steps; s++) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("cancelled");
                    }
                    float[] partial = xy.clone();
                    for (int i = 0; i < partial.length; i++) {
                        partial[i] *= s / (float) steps;
                    }
                    listener.progress(s / (double) steps, partial);
                }
                return new MapLayout(spec, features.rows(), xy, new double[0]);
            }
            return new MapLayout(spec, features.rows(), xy, new double[]{0.5, 0.25});
        }
    }

    /** Real statistics (kNN on the synthetic features), single-threaded. */
    static MapAnalysis realStatistics() {
        return new StatisticsMapAnalysis(new FeatureSpaceStatistics(1));
    }
}
