package org.simsiamexplorer.app.embeddings;

import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.MapLayout;

import java.util.function.BooleanSupplier;

/** Feature-space questions the map asks: a point's nearest neighbours, and how well the classes separate. */
public interface MapAnalysis {

    /** The {@code k} rows nearest to {@code row} by cosine similarity of the features, nearest first, not itself. */
    int[] nearestRows(FeatureSet features, int row, int k);

    /** Cluster quality of the features and of the 2-D layout; may take seconds, polls {@code cancelled}. */
    Quality quality(FeatureSet features, MapLayout layout, BooleanSupplier cancelled);

    /**
     * @param knnAccuracy top-1 accuracy in [0, 1] (NaN when not measured)
     * @param knnMethod   how it was measured, shown to the user (e.g. "leave-one-out 20-NN, cosine")
     * @param silhouette  mean silhouette of the 2-D layout by true class, in [-1, 1] (NaN when not measured)
     */
    record Quality(double knnAccuracy, String knnMethod, double silhouette) {
        public static final Quality UNKNOWN = new Quality(Double.NaN, "", Double.NaN);
    }
}
