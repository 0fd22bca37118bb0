package org.simsiamexplorer.analysis;

/**
 * t-SNE settings. Defaults follow openTSNE / FIt-SNE; learning rate and gradient use the bhtsne / FIt-SNE
 * convention (gradient without the factor 4), so {@code n / 12} here equals scikit-learn's "auto" {@code n / 48}.
 *
 * @param perplexity                  effective number of neighbours (default 30); affinities use the exact
 *                                    {@code 3 * perplexity} nearest neighbours
 * @param iterations                  total gradient-descent iterations, including early exaggeration (default 750)
 * @param earlyExaggeration           P is multiplied by this during the first phase (default 12)
 * @param earlyExaggerationIterations length of the first phase (default 250), momentum {@link #initialMomentum}
 * @param initialMomentum             momentum during early exaggeration (default 0.5)
 * @param finalMomentum               momentum afterwards (default 0.8)
 * @param learningRate                step size; {@code 0} means auto, {@code max(200, n / 12)} (default 0)
 * @param pcaDimensions               inputs with more dimensions are first reduced by PCA to this many (default 50)
 * @param repulsion                   how repulsive forces are computed (default FFT interpolation)
 * @param interpolationPoints         FFT: interpolation nodes per interval (default 4: cubic; FIt-SNE uses 3)
 * @param minIntervals                FFT: fewest intervals per axis of the grid (default 16)
 * @param maxIntervalWidth            FFT: widest interval in layout units (default 1.0; smaller is more accurate)
 * @param maxIntervals                FFT: most intervals per axis (default 32: at most a 256 x 256 FFT with 4 points);
 *                                    wider layouts get wider intervals, trading accuracy for time
 * @param seed                        seed of the randomized PCA used for input reduction and initialisation (default 42)
 * @param threads                     worker threads (default: available processors); results are deterministic
 *                                    for a given seed and thread count
 * @param progressInterval            the listener gets a layout copy every this many iterations (default 25)
 */
public record TsneConfig(double perplexity, int iterations, double earlyExaggeration,
                         int earlyExaggerationIterations, double initialMomentum, double finalMomentum,
                         double learningRate, int pcaDimensions, RepulsionMethod repulsion, int interpolationPoints,
                         int minIntervals, double maxIntervalWidth, int maxIntervals, long seed, int threads,
                         int progressInterval) {

    public TsneConfig {
        require(perplexity >= 1 && Double.isFinite(perplexity), "perplexity must be >= 1, got " + perplexity);
        require(iterations >= 1, "iterations must be >= 1, got " + iterations);
        require(earlyExaggeration >= 1, "early exaggeration must be >= 1, got " + earlyExaggeration);
        require(earlyExaggerationIterations >= 0 && earlyExaggerationIterations <= iterations,
                "early exaggeration iterations must be in [0, iterations], got " + earlyExaggerationIterations);
        require(initialMomentum >= 0 && initialMomentum < 1 && finalMomentum >= 0 && finalMomentum < 1,
                "momentum must be in [0, 1)");
        require(learningRate >= 0 && Double.isFinite(learningRate), "learning rate must be >= 0 (0 = auto)");
        require(pcaDimensions >= 2, "PCA dimensions must be >= 2, got " + pcaDimensions);
        require(repulsion != null, "repulsion method is missing");
        require(interpolationPoints >= 2 && interpolationPoints <= 8, "interpolation points must be in [2, 8]");
        require(minIntervals >= 1, "min intervals must be >= 1");
        require(maxIntervalWidth > 0, "max interval width must be > 0");
        require(maxIntervals >= minIntervals, "max intervals must be >= min intervals");
        require(threads >= 1, "thread count must be at least 1, got " + threads);
        require(progressInterval >= 1, "progress interval must be >= 1, got " + progressInterval);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public static TsneConfig defaults() {
        return new TsneConfig(30, 750, 12, 250, 0.5, 0.8, 0, 50, RepulsionMethod.FFT_INTERPOLATION, 4, 16, 1.0, 32,
                42, WorkerPool.defaultThreads(), 25);
    }

    /** The learning rate actually used for {@code n} points. */
    public double effectiveLearningRate(int n) {
        return learningRate > 0 ? learningRate : Math.max(200, n / 12.0);
    }

    public TsneConfig withPerplexity(double value) {
        return new TsneConfig(value, iterations, earlyExaggeration, earlyExaggerationIterations, initialMomentum,
                finalMomentum, learningRate, pcaDimensions, repulsion, interpolationPoints, minIntervals,
                maxIntervalWidth, maxIntervals, seed, threads, progressInterval);
    }

    /** Total iterations; early exaggeration keeps its length but never exceeds the total. */
    public TsneConfig withIterations(int value) {
        return new TsneConfig(perplexity, value, earlyExaggeration, Math.min(earlyExaggerationIterations, value),
                initialMomentum, finalMomentum, learningRate, pcaDimensions, repulsion, interpolationPoints,
                minIntervals, maxIntervalWidth, maxIntervals, seed, threads, progressInterval);
    }

    public TsneConfig withRepulsion(RepulsionMethod value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, initialMomentum,
                finalMomentum, learningRate, pcaDimensions, value, interpolationPoints, minIntervals,
                maxIntervalWidth, maxIntervals, seed, threads, progressInterval);
    }

    public TsneConfig withInterpolation(int points, int intervals, double width, int mostIntervals) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, initialMomentum,
                finalMomentum, learningRate, pcaDimensions, repulsion, points, intervals, width, mostIntervals, seed, threads,
                progressInterval);
    }

    public TsneConfig withSeed(long value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, initialMomentum,
                finalMomentum, learningRate, pcaDimensions, repulsion, interpolationPoints, minIntervals,
                maxIntervalWidth, maxIntervals, value, threads, progressInterval);
    }

    public TsneConfig withThreads(int value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, initialMomentum,
                finalMomentum, learningRate, pcaDimensions, repulsion, interpolationPoints, minIntervals,
                maxIntervalWidth, maxIntervals, seed, value, progressInterval);
    }

    public TsneConfig withProgressInterval(int value) {
        return new TsneConfig(perplexity, iterations, earlyExaggeration, earlyExaggerationIterations, initialMomentum,
                finalMomentum, learningRate, pcaDimensions, repulsion, interpolationPoints, minIntervals,
                maxIntervalWidth, maxIntervals, seed, threads, value);
    }
}
