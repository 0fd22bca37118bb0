package org.simsiamexplorer.explain;

/** Cholesky factorisation of a small symmetric positive (semi-)definite matrix, for the Kernel SHAP regression. */
final class Cholesky {
    private Cholesky() {
    }

    /**
     * Lower factor L with A = L L^T. When too few coalitions make A singular, a tiny ridge (scaled to A's diagonal)
     * is added and grown until the factorisation succeeds, which picks the minimum-norm-like solution.
     */
    static double[][] factorWithJitter(double[][] matrix) {
        int n = matrix.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, matrix[i][i]);
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[][] factor = factor(matrix, jitter);
            if (factor != null) {
                return factor;
            }
            jitter = jitter == 0 ? Math.max(scale, 1e-12) * 1e-10 : jitter * 100;
        }
        throw new IllegalStateException("the Kernel SHAP regression is singular; use more coalitions");
    }

    private static double[][] factor(double[][] a, double jitter) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 1e-300)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    static double[] solve(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
