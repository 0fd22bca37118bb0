package org.simsiamexplorer.service;

import org.simsiamexplorer.analysis.CancellationToken;
import org.simsiamexplorer.analysis.FeatureMatrix;
import org.simsiamexplorer.analysis.Pca;
import org.simsiamexplorer.analysis.PcaConfig;
import org.simsiamexplorer.analysis.PcaResult;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Layouts computed by the {@code analysis} package: PCA on the features, t-SNE on their top principal axes. */
public final class AnalysisLayoutEngine implements LayoutEngine {
    private final int threads;

    /** @param threads worker threads for the computation (the UI keeps its own thread regardless) */
    public AnalysisLayoutEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public MapLayout compute(FeatureSet features, LayoutSpec spec, Listener listener, BooleanSupplier cancelled) {
        FeatureMatrix matrix = FeatureMatrix.of(features.values(), features.rows(), features.dim());
        CancellationToken token = new CancellationToken();
        // analysis polls its own token: mirror the caller's flag into it
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "layout-cancel-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleAtFixedRate(() -> {
            if (cancelled.getAsBoolean()) {
                token.cancel();
            }
        }, 20, 20, TimeUnit.MILLISECONDS);
        try {
            return switch (spec.method()) {
                case PCA -> pca(matrix, spec, listener, token);
                case TSNE -> throw new UnsupportedOperationException(
                        "t-SNE is not available in this build yet; use PCA");
            };
        } finally {
            watcher.shutdownNow();
        }
    }

    private MapLayout pca(FeatureMatrix matrix, LayoutSpec spec, Listener listener, CancellationToken token) {
        listener.progress(0, null);
        PcaResult result = Pca.fit(matrix, PcaConfig.of(2).withThreads(threads), token);
        FeatureMatrix projected = result.transform(matrix);
        listener.progress(1, null);
        return new MapLayout(spec, matrix.rows(), projected.values().clone(), result.explainedVarianceRatio());
    }
}
