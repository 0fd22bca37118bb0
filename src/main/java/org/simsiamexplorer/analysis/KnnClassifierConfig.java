package org.simsiamexplorer.analysis;

/**
 * Settings of the weighted kNN monitor.
 *
 * @param neighbours  how many nearest train features vote (default 200, as in InstDisc / SimSiam kNN monitors)
 * @param temperature each vote weighs {@code exp(cosineSimilarity / temperature)} (default 0.1)
 * @param threads     worker threads (default: available processors)
 */
public record KnnClassifierConfig(int neighbours, double temperature, int threads) {

    public KnnClassifierConfig {
        if (neighbours < 1) {
            throw new IllegalArgumentException("kNN monitor needs at least 1 neighbour, got " + neighbours);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("kNN temperature must be positive and finite, got " + temperature);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
    }

    /** 200 neighbours, temperature 0.1, all processors. */
    public static KnnClassifierConfig defaults() {
        return new KnnClassifierConfig(200, 0.1, WorkerPool.defaultThreads());
    }

    public KnnClassifierConfig withNeighbours(int value) {
        return new KnnClassifierConfig(value, temperature, threads);
    }

    public KnnClassifierConfig withThreads(int value) {
        return new KnnClassifierConfig(neighbours, temperature, value);
    }
}
