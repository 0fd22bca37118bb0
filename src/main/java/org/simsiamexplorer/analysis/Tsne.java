package org.simsiamexplorer.analysis;

import org.simsiamexplorer.analysis.TsneProgress.Stage;

/**
 * t-SNE (van der Maaten 2014; Linderman et al. 2019): PCA to {@link TsneConfig#pcaDimensions()} when the input
 * is wider, exact {@code 3 * perplexity} nearest neighbours, per-point bandwidths calibrated to the perplexity,
 * symmetric P, PCA initialisation scaled to standard deviation 1e-4, early exaggeration with momentum 0.5,
 * then momentum 0.8, adaptive gains (+0.2 / x0.8, floor 0.01; reset with the update when the phase changes,
 * as scikit-learn and openTSNE do), repulsion by FFT interpolation. Deterministic for a given seed and
 * thread count; cancellable within milliseconds through the {@link CancellationToken}.
 */
public final class Tsne {
    private static final double MIN_GAIN = 0.01;
    private static final double INITIAL_STD = 1e-4;
    /** Layouts with fewer points use exact all-pairs repulsion even when FFT interpolation is configured. */
    public static final int EXACT_BELOW = 1500;

    private Tsne() {
    }

    /** Runs with no listener and no cancellation. */
    public static TsneResult run(FeatureMatrix data, TsneConfig config) {
        return run(data, config, TsneListener.NONE, CancellationToken.NONE);
    }

    /**
     * Lays out the rows of {@code data} in 2-D.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} is cancelled
     * @throws IllegalArgumentException for fewer than 4 rows or non-finite values
     */
    public static TsneResult run(FeatureMatrix data, TsneConfig config, TsneListener listener,
                                 CancellationToken cancel) {
        int n = data.rows();
        if (n < 4) {
            throw new IllegalArgumentException("t-SNE needs at least 4 points, got " + n);
        }
        data.requireFinite("t-SNE input features");
        try (WorkerPool pool = new WorkerPool(config.threads())) {
            listener.onProgress(new TsneProgress(Stage.REDUCING_DIMENSIONS, 0, config.iterations(), Double.NaN, null));
            FeatureMatrix reduced;
            FeatureMatrix init;
            if (data.cols() > config.pcaDimensions()) {
                reduced = Pca.fitAndProject(data, pcaConfig(config, config.pcaDimensions()), cancel).projection();
                init = firstTwoColumns(reduced);
            } else {
                reduced = data;
                init = data.cols() == 2 ? data : Pca.fit(data, pcaConfig(config, 2), cancel).transform(data);
            }
            SparseAffinities p = affinities(reduced, config, listener, cancel);
            return optimise(p, initialLayout(init), config, listener, cancel, pool);
        }
    }

    /** Symmetric input affinities of (already reduced) data; the perplexity is capped at (n - 1) / 3. */
    public static SparseAffinities affinities(FeatureMatrix reduced, TsneConfig config, TsneListener listener,
                                              CancellationToken cancel) {
        int n = reduced.rows();
        double perplexity = Math.min(config.perplexity(), (n - 1) / 3.0);
        int k = Math.min(n - 1, (int) Math.floor(3 * perplexity));
        listener.onProgress(new TsneProgress(Stage.FINDING_NEIGHBOURS, 0, config.iterations(), Double.NaN, null));
        KnnGraph graph = KnnSearch.graph(reduced, k, DistanceMetric.EUCLIDEAN, config.threads(), cancel);
        listener.onProgress(new TsneProgress(Stage.CALIBRATING_AFFINITIES, 0, config.iterations(), Double.NaN, null));
        double[] conditional = TsneAffinities.conditional(graph, Math.max(1, perplexity), config.threads(), cancel);
        return TsneAffinities.symmetrize(graph, conditional, config.threads());
    }

    private static PcaConfig pcaConfig(TsneConfig config, int components) {
        // two subspace iterations are plenty for an input reduction and an initialisation
        return PcaConfig.of(components).withPowerIterations(2).withSeed(config.seed()).withThreads(config.threads());
    }

    private static FeatureMatrix firstTwoColumns(FeatureMatrix m) {
        float[] out = new float[m.rows() * 2];
        for (int i = 0; i < m.rows(); i++) {
            out[2 * i] = m.get(i, 0);
            out[2 * i + 1] = m.get(i, 1);
        }
        return new FeatureMatrix(out, m.rows(), 2);
    }

    /** Interleaved x,y scaled so the first coordinate has standard deviation 1e-4 (openTSNE). */
    static double[] initialLayout(FeatureMatrix init) {
        int n = init.rows();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += init.get(i, 0);
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double c = init.get(i, 0) - mean;
            var += c * c;
        }
        double std = Math.sqrt(var / n);
        double scale = std > 0 ? INITIAL_STD / std : 1;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = init.get(i, 0) * scale;
            y[2 * i + 1] = init.get(i, 1) * scale;
        }
        return y;
    }

    /**
     * Gradient descent from {@code y} (interleaved, in input order; the final layout is written back into it) on
     * the affinities {@code p}.
     */
    static TsneResult optimise(SparseAffinities p, double[] y, TsneConfig config, TsneListener listener,
                               CancellationToken cancel, WorkerPool pool) {
        listener.onProgress(new TsneProgress(Stage.OPTIMISING, 0, config.iterations(), Double.NaN, null));
        int n = p.rows();
        double learningRate = config.effectiveLearningRate(n);
        // below EXACT_BELOW points all pairs are cheaper than the grid, and exact
        TsneConfig used = n < EXACT_BELOW ? config.withRepulsion(RepulsionMethod.EXACT) : config;
        // iterate in an order where neighbours have nearby indices (cache locality); report in input order
        LocalityOrder order = LocalityOrder.breadthFirst(p);
        TsneGradient gradient = new TsneGradient(order.apply(p), used, pool, cancel);
        double[] local = order.toLocal(y);
        double[] grad = new double[2 * n];
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        for (int it = 0; it < config.iterations(); it++) {
            cancel.throwIfCancelled();
            boolean early = it < config.earlyExaggerationIterations();
            if (it == config.earlyExaggerationIterations() && it > 0) {
                java.util.Arrays.fill(update, 0);
                java.util.Arrays.fill(gains, 1);
            }
            double momentum = early ? config.initialMomentum() : config.finalMomentum();
            gradient.compute(local, early ? config.earlyExaggeration() : 1, grad);
            step(local, grad, update, gains, momentum, learningRate);
            recentre(local);
            if ((it + 1) % config.progressInterval() == 0 && it + 1 < config.iterations() && listener != TsneListener.NONE) {
                order.toInput(local, y);
                listener.onProgress(new TsneProgress(Stage.OPTIMISING, it + 1, config.iterations(),
                        gradient.lazyKlDivergence(toMatrix(local)), toMatrix(y)));
            }
        }
        cancel.throwIfCancelled();
        gradient.compute(local, 1, grad); // Z of the final layout, for its KL divergence
        double kl = gradient.klDivergence(local);
        order.toInput(local, y);
        FeatureMatrix layout = toMatrix(y);
        listener.onProgress(new TsneProgress(Stage.DONE, config.iterations(), config.iterations(), kl, layout.copy()));
        return new TsneResult(layout, kl, config.iterations());
    }

    private static void step(double[] y, double[] grad, double[] update, double[] gains, double momentum,
                             double learningRate) {
        for (int i = 0; i < y.length; i++) {
            double g = grad[i];
            gains[i] = Math.max(MIN_GAIN, g * update[i] < 0 ? gains[i] + 0.2 : gains[i] * 0.8);
            update[i] = momentum * update[i] - learningRate * gains[i] * g;
            y[i] += update[i];
        }
    }

    private static void recentre(double[] y) {
        int n = y.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }

    static FeatureMatrix toMatrix(double[] y) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return new FeatureMatrix(out, y.length / 2, 2);
    }
}
