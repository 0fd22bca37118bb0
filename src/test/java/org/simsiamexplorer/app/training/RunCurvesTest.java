package org.simsiamexplorer.app.training;

import org.junit.jupiter.api.Test;
import org.simsiamexplorer.service.EpochMetrics;
import org.simsiamexplorer.service.StepMetrics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCurvesTest {
    private static StepMetrics step(long step, double loss) {
        return new StepMetrics(1, step, (int) step, 100, loss, 0.05, 400, 60, 0.02);
    }

    private static EpochMetrics epoch(int epoch, double std, double knn) {
        return new EpochMetrics(epoch, -0.5, std, 1 / Math.sqrt(2048), knn, 10);
    }

    @Test
    void theSameRecordFromListenerAndFileIsDrawnOnce() {
        RunCurves curves = new RunCurves();
        List<StepMetrics> steps = List.of(step(1, -0.1), step(2, -0.2));
        assertTrue(curves.append(steps, List.of(epoch(1, 0.02, 0.3))));
        assertFalse(curves.append(steps, List.of(epoch(1, 0.02, 0.3))));
        assertEquals(2, curves.rawLoss().size());
        assertEquals(1, curves.collapseStd().size());
    }

    @Test
    void smoothedLossStartsAtTheFirstValueAndLagsBehindAJump() {
        RunCurves curves = new RunCurves();
        curves.appendStep(step(1, -0.2));
        assertEquals(-0.2, curves.smoothedLoss().y(0), 1e-12, "debiased EMA starts at the first value");
        for (int i = 2; i <= 10; i++) {
            curves.appendStep(step(i, -0.9));
        }
        double smoothed = curves.smoothedLoss().lastY();
        assertTrue(smoothed > -0.9 && smoothed < -0.2, "EMA between old and new level: " + smoothed);
    }

    @Test
    void bestKnnIgnoresEpochsWithoutMeasurement() {
        RunCurves curves = new RunCurves();
        curves.appendEpoch(epoch(1, 0.02, 0.25));
        curves.appendEpoch(epoch(2, 0.02, Double.NaN));
        curves.appendEpoch(epoch(3, 0.02, 0.2));
        assertEquals(0.25, curves.bestKnn());
        assertEquals(25.0, curves.knnAccuracy().maxY(), 1e-9);
    }

    @Test
    void bestKnnIsATrainedEpochsNotTheUntrainedBaselineButTheBaselineIsDrawn() {
        RunCurves curves = new RunCurves();
        curves.appendEpoch(new EpochMetrics(0, Double.NaN, Double.NaN, 0.02, 0.24, 10));
        curves.appendEpoch(epoch(1, 0.02, 0.15));
        assertEquals(0.15, curves.bestKnn());
        assertEquals(24.0, curves.knnAccuracy().maxY(), 1e-9);
    }

    @Test
    void collapseFollowsTheLatestEpochAgainstAFifthOfTheReference() {
        RunCurves curves = new RunCurves();
        double reference = 1 / Math.sqrt(2048);
        curves.appendEpoch(epoch(1, reference / 5 * 1.01, 0.2));
        assertFalse(curves.collapsed());
        curves.appendEpoch(epoch(2, reference / 5 * 0.99, 0.2));
        assertTrue(curves.collapsed());
        assertEquals(reference / 5, curves.collapseThreshold().lastY(), 1e-12);
    }
}
