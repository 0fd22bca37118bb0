package org.simsiamexplorer.analysis;

/**
 * Settings of {@link Pca}.
 *
 * @param components      how many principal components to keep (e.g. 2 for a map, 50 as t-SNE input)
 * @param oversampling    extra directions in the randomized subspace (default 10); when
 *                        {@code components + oversampling >= dimensions} the PCA is exact
 * @param powerIterations subspace iterations sharpening the randomized subspace (default 4)
 * @param seed            seed of the random start subspace (default 42)
 * @param threads         worker threads (default: available processors)
 */
public record PcaConfig(int components, int oversampling, int powerIterations, long seed, int threads) {

    public PcaConfig {
        if (components < 1) {
            throw new IllegalArgumentException("PCA needs at least 1 component, got " + components);
        }
        if (oversampling < 0 || powerIterations < 0) {
            throw new IllegalArgumentException("PCA oversampling and power iterations must be >= 0");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
    }

    /** {@code components} components with the documented defaults. */
    public static PcaConfig of(int components) {
        return new PcaConfig(components, 10, 4, 42, WorkerPool.defaultThreads());
    }

    public PcaConfig withThreads(int value) {
        return new PcaConfig(components, oversampling, powerIterations, seed, value);
    }

    public PcaConfig withPowerIterations(int value) {
        return new PcaConfig(components, oversampling, value, seed, threads);
    }

    public PcaConfig withSeed(long value) {
        return new PcaConfig(components, oversampling, powerIterations, value, threads);
    }
}
