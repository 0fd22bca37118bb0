package org.simsiamexplorer.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisLayoutEngineTest {
    private final AnalysisLayoutEngine engine = new AnalysisLayoutEngine(1);

    /** Two well separated Gaussian blobs in 16-d, 40 points each; row r has class r % 2. */
    private static FeatureSet twoBlobs() {
        int rows = 80;
        int dim = 16;
        Random random = new Random(3);
        float[] values = new float[rows * dim];
        byte[] labels = new byte[rows];
        int[] indices = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = (byte) (r % 2);
            indices[r] = r;
            for (int d = 0; d < dim; d++) {
                values[r * dim + d] = (float) (random.nextGaussian() * 0.3 + (r % 2 == 0 ? 3 : -3));
            }
        }
        return new FeatureSet("test", 1, rows, dim, indices, values, labels);
    }

    @Test
    void pcaPutsTheTwoClassesOnOppositeSidesOfTheFirstAxis() {
        FeatureSet features = twoBlobs();
        MapLayout layout = engine.compute(features, LayoutSpec.pca(), LayoutEngine.Listener.NONE, () -> false);
        float firstClassSign = Math.signum(layout.xy()[0]);
        for (int r = 0; r < features.rows(); r++) {
            float expected = r % 2 == 0 ? firstClassSign : -firstClassSign;
            assertEquals(expected, Math.signum(layout.xy()[2 * r]), "row " + r);
        }
        assertTrue(layout.explainedVariance()[0] > 0.9, "one axis explains the split");
    }

    @Test
    void tsneHandsOverIntermediateLayoutsWhileItOptimises() {
        List<float[]> frames = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        LayoutSpec spec = new LayoutSpec(LayoutSpec.Method.TSNE, 10, 60, 1);
        MapLayout layout = engine.compute(twoBlobs(), spec, (fraction, intermediate) -> {
            fractions.add(fraction);
            if (intermediate != null) {
                frames.add(intermediate);
            }
        }, () -> false);
        assertTrue(frames.size() >= 3, "got " + frames.size() + " intermediate layouts");
        assertEquals(160, frames.get(0).length);
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back");
        }
        for (float v : layout.xy()) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void tsneStopsWhenCancelled() {
        boolean[] cancel = {false};
        LayoutSpec spec = new LayoutSpec(LayoutSpec.Method.TSNE, 10, 5000, 1);
        assertThrows(CancellationException.class, () -> engine.compute(twoBlobs(), spec, (fraction, intermediate) -> {
            if (intermediate != null) {
                cancel[0] = true;
            }
        }, () -> cancel[0]));
    }
}
