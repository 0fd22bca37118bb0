package org.simsiamexplorer.service;

import org.simsiamexplorer.analysis.CancellationToken;
import org.simsiamexplorer.analysis.FeatureMatrix;
import org.simsiamexplorer.analysis.Pca;
import org.simsiamexplorer.analysis.PcaConfig;
import org.simsiamexplorer.analysis.PcaResult;
import org.simsiamexplorer.analysis.Tsne;
import org.simsiamexplorer.analysis.TsneConfig;
import org.simsiamexplorer.analysis.TsneResult;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Layouts computed by the {@code analysis} package: PCA on the features, t-SNE on their top principal axes. */
public final class AnalysisLayoutEngine implements LayoutEngine {
    /** t-SNE hands the map its layout every this many iterations: smooth animation, little copying. */
    public static final int TSNE_FRAME_INTERVAL = 10;

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
                case TSNE -> tsne(matrix, spec, listener, cancelled, token);
            };
        } finally {
            watcher.shutdownNow();
        }
    }

    /** Share of the progress bar the steps before the optimisation take (PCA to 50-d, kNN, affinities). */
    private static final double PREPARATION = 0.15;

    private MapLayout tsne(FeatureMatrix matrix, LayoutSpec spec, Listener listener, BooleanSupplier cancelled,
                           CancellationToken token) {
        TsneConfig config = TsneConfig.defaults().withPerplexity(spec.perplexity()).withIterations(spec.iterations())
                .withSeed(spec.seed()).withThreads(threads).withProgressInterval(TSNE_FRAME_INTERVAL);
        TsneResult result = Tsne.run(matrix, config, progress -> {
            double fraction = switch (progress.stage()) {
                case REDUCING_DIMENSIONS -> 0.02;
                case FINDING_NEIGHBOURS -> 0.05;
                case CALIBRATING_AFFINITIES -> 0.12;
                case OPTIMISING, DONE -> PREPARATION + (1 - PREPARATION) * progress.iteration()
                        / Math.max(1.0, progress.totalIterations());
            };
            listener.progress(fraction, progress.layout() == null ? null : progress.layout().values().clone());
            if (cancelled.getAsBoolean()) {
                // stop at the next check rather than waiting for the watcher's poll
                token.cancel();
            }
        }, token);
        return new MapLayout(spec, matrix.rows(), result.layout().values().clone(), new double[0]);
    }

    private MapLayout pca(FeatureMatrix matrix, LayoutSpec spec, Listener listener, CancellationToken token) {
        listener.progress(0, null);
        PcaResult result = Pca.fit(matrix, PcaConfig.of(2).withThreads(threads), token);
        FeatureMatrix projected = result.transform(matrix);
        listener.progress(1, null);
        return new MapLayout(spec, matrix.rows(), projected.values().clone(), result.explainedVarianceRatio());
    }
}
