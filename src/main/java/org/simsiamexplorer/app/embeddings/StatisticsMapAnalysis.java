package org.simsiamexplorer.app.embeddings;

import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.FeatureSpaceStatistics;
import org.simsiamexplorer.service.MapLayout;

import java.util.function.BooleanSupplier;

/** {@link MapAnalysis} answered by the service's {@link FeatureSpaceStatistics}. */
final class StatisticsMapAnalysis implements MapAnalysis {
    private final FeatureSpaceStatistics statistics;

    StatisticsMapAnalysis(FeatureSpaceStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public int[] nearestRows(FeatureSet features, int row, int k) {
        return statistics.nearestRows(features, row, k);
    }

    @Override
    public Quality quality(FeatureSet features, MapLayout layout, BooleanSupplier cancelled) {
        double knn = statistics.leaveOneOutKnnAccuracy(features, cancelled);
        double silhouette = statistics.layoutSilhouette(layout, features.labels(), cancelled);
        return new Quality(knn, "leave-one-out " + FeatureSpaceStatistics.VOTING_NEIGHBOURS + "-NN, cosine",
                silhouette);
    }
}
