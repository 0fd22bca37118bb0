package org.simsiamexplorer.analysis;

import java.util.Arrays;

/**
 * The k nearest neighbours of each query point, nearest first. Row {@code i} lives in
 * {@code neighbours[i*k .. (i+1)*k)} (indices into the reference set) and the same range of {@code distances}
 * (Euclidean, or cosine distance {@code 1 - cos}, see {@link #metric()}).
 */
public record KnnGraph(int[] neighbours, float[] distances, int rows, int k, DistanceMetric metric) {

    public KnnGraph {
        if ((long) rows * k != neighbours.length || neighbours.length != distances.length) {
            throw new IllegalArgumentException("a kNN graph of " + rows + " rows x " + k + " neighbours needs "
                    + ((long) rows * k) + " entries, got " + neighbours.length + " and " + distances.length);
        }
    }

    /** Index of the {@code rank}-th nearest neighbour (0 = nearest) of point {@code row}. */
    public int neighbour(int row, int rank) {
        return neighbours[row * k + rank];
    }

    /** Distance from point {@code row} to its {@code rank}-th nearest neighbour. */
    public float distance(int row, int rank) {
        return distances[row * k + rank];
    }

    /** A copy of the neighbour indices of one point, nearest first. */
    public int[] neighboursOf(int row) {
        return Arrays.copyOfRange(neighbours, row * k, (row + 1) * k);
    }

    /** A copy of the distances of one point to its neighbours, ascending. */
    public float[] distancesOf(int row) {
        return Arrays.copyOfRange(distances, row * k, (row + 1) * k);
    }
}
