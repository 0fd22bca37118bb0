package org.simsiamexplorer.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneGradientTest {

    /** A realistic layout: 500 clustered points after some exact t-SNE iterations. */
    static double[] layout(SparseAffinities p, int iterations) {
        TsneConfig config = TsneConfig.defaults().withRepulsion(RepulsionMethod.EXACT).withIterations(iterations)
                .withThreads(2);
        Random random = new Random(3);
        double[] y = new double[2 * p.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-4 * random.nextGaussian();
        }
        try (WorkerPool pool = new WorkerPool(2)) {
            Tsne.optimise(p, y, config, TsneListener.NONE, CancellationToken.NONE, pool);
        }
        return y;
    }

    static SparseAffinities affinities(int n) {
        GaussianClusters data = GaussianClusters.generate(n, 20, 5, 1.0, 11);
        return Tsne.affinities(data.features(), TsneConfig.defaults().withThreads(2), TsneListener.NONE,
                CancellationToken.NONE);
    }

    @ParameterizedTest(name = "after {0} exact iterations, exaggeration {1}: FFT gradient within 1% of exact")
    @CsvSource({"1, 12", "100, 12", "260, 1"})
    void fftGradientMatchesExactGradient(int iterations, double exaggeration) {
        SparseAffinities p = affinities(500);
        double[] y = layout(p, iterations);
        double[] exact = new double[y.length];
        double[] approx = new double[y.length];
        TsneConfig config = TsneConfig.defaults().withThreads(2);
        try (WorkerPool pool = new WorkerPool(2)) {
            new TsneGradient(p, config.withRepulsion(RepulsionMethod.EXACT), pool, CancellationToken.NONE)
                    .compute(y, exaggeration, exact);
            new TsneGradient(p, config, pool, CancellationToken.NONE).compute(y, exaggeration, approx);
        }
        double relative = relativeError(exact, approx);
        assertTrue(relative < 0.01, "relative gradient error " + relative);
    }

    /**
     * Near convergence the total gradient is almost zero, so the repulsion itself is compared. The default grid is
     * capped at 32 intervals for speed (about 6% repulsion error on this wide layout); with the cap lifted to
     * 1-unit intervals the approximation is within 1%.
     */
    @ParameterizedTest(name = "after {0} exact iterations: FFT repulsion and Z within 1% of exact on a 1-unit grid")
    @CsvSource({"300", "750"})
    void fftRepulsionMatchesExactRepulsionOnConvergedLayouts(int iterations) {
        SparseAffinities p = affinities(500);
        double[] y = layout(p, iterations);
        int n = p.rows();
        double[] exact = new double[2 * n];
        double[] approx = new double[2 * n];
        TsneConfig config = TsneConfig.defaults().withThreads(2).withInterpolation(4, 16, 1.0, 128);
        double zExact;
        double zApprox;
        try (WorkerPool pool = new WorkerPool(2)) {
            zExact = new TsneGradient(p, config, pool, CancellationToken.NONE).exactRepulsion(y, n, exact);
            zApprox = new FftRepulsion(config.interpolationPoints(), config.minIntervals(), config.maxIntervalWidth(), config.maxIntervals())
                    .compute(y, n, approx, CancellationToken.NONE);
        }
        double relative = relativeError(exact, approx);
        assertTrue(relative < 0.01, "relative repulsion error " + relative);
        assertTrue(Math.abs(zApprox - zExact) < 0.01 * zExact, "Z " + zApprox + " vs " + zExact);
    }

    /** ||approx - exact|| / ||exact||. */
    private static double relativeError(double[] exact, double[] approx) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += (exact[i] - approx[i]) * (exact[i] - approx[i]);
            norm += exact[i] * exact[i];
        }
        return Math.sqrt(diff / norm);
    }
}
