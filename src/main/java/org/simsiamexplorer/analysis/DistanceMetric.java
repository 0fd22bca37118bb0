package org.simsiamexplorer.analysis;

/** How two feature vectors are compared by {@link KnnSearch}. */
public enum DistanceMetric {
    /** Euclidean distance (not squared). */
    EUCLIDEAN,
    /** Cosine distance {@code 1 - cos(a, b)} in [0, 2]; an all-zero vector has distance 1 to everything. */
    COSINE
}
