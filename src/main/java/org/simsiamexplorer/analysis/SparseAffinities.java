package org.simsiamexplorer.analysis;

/**
 * A sparse square matrix in compressed rows: row {@code i} has entries {@code rowStart[i] .. rowStart[i+1]}
 * with column {@code columns[e]} and value {@code values[e]}, columns ascending. Used for t-SNE's symmetric
 * input affinities P (all entries sum to 1).
 */
public record SparseAffinities(int[] rowStart, int[] columns, double[] values) {

    public int rows() {
        return rowStart.length - 1;
    }

    public int nonZeros() {
        return columns.length;
    }

    /** The value at (row, column), 0 when absent. */
    public double get(int row, int column) {
        int lo = rowStart[row];
        int hi = rowStart[row + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (columns[mid] < column) {
                lo = mid + 1;
            } else if (columns[mid] > column) {
                hi = mid - 1;
            } else {
                return values[mid];
            }
        }
        return 0;
    }

    public double sum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
