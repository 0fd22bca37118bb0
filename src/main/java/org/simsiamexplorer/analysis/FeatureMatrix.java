package org.simsiamexplorer.analysis;

import java.util.Arrays;

/**
 * A dense row-major matrix of features: row {@code i} is {@code values[i*cols .. (i+1)*cols)}.
 * The record does not copy {@code values}; callers that keep writing into the array must copy it themselves.
 */
public record FeatureMatrix(float[] values, int rows, int cols) {

    public FeatureMatrix {
        if (values == null) {
            throw new IllegalArgumentException("feature values are missing (null)");
        }
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("a feature matrix needs rows >= 0 and cols >= 1, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("feature matrix is " + rows + " x " + cols + " = " + ((long) rows * cols)
                    + " values, but the array holds " + values.length);
        }
    }

    /** Wraps {@code rows x cols} values given row by row. */
    public static FeatureMatrix of(float[] values, int rows, int cols) {
        return new FeatureMatrix(values, rows, cols);
    }

    /** Copies a jagged array (all rows must have the same length). */
    public static FeatureMatrix fromRows(float[][] rowArrays) {
        if (rowArrays.length == 0) {
            throw new IllegalArgumentException("cannot infer the dimension of an empty list of rows");
        }
        int cols = rowArrays[0].length;
        float[] values = new float[rowArrays.length * cols];
        for (int i = 0; i < rowArrays.length; i++) {
            if (rowArrays[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rowArrays[i].length + " values, expected " + cols);
            }
            System.arraycopy(rowArrays[i], 0, values, i * cols, cols);
        }
        return new FeatureMatrix(values, rowArrays.length, cols);
    }

    public float get(int row, int col) {
        return values[row * cols + col];
    }

    /** A copy of one row. */
    public float[] row(int row) {
        return Arrays.copyOfRange(values, row * cols, (row + 1) * cols);
    }

    public FeatureMatrix copy() {
        return new FeatureMatrix(values.clone(), rows, cols);
    }

    /** Index of the first NaN or infinite value, or -1 when all values are finite. */
    public int firstNonFiniteIndex() {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Throws a clear {@link IllegalArgumentException} when any value is NaN or infinite. */
    public void requireFinite(String what) {
        int bad = firstNonFiniteIndex();
        if (bad >= 0) {
            throw new IllegalArgumentException(what + " contain a non-finite value (" + values[bad] + ") at row "
                    + (bad / cols) + ", column " + (bad % cols));
        }
    }

    /** A copy whose rows have unit Euclidean length; all-zero rows stay zero. */
    public FeatureMatrix normalizedRows() {
        float[] out = values.clone();
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += (double) out[base + c] * out[base + c];
            }
            if (sum > 0) {
                float scale = (float) (1.0 / Math.sqrt(sum));
                for (int c = 0; c < cols; c++) {
                    out[base + c] *= scale;
                }
            }
        }
        return new FeatureMatrix(out, rows, cols);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + cols + "]";
    }
}
