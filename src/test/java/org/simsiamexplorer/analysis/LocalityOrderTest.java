package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalityOrderTest {

    private static SparseAffinities interleavedClusters() {
        // 6 well separated clusters, point i in cluster i % 6: input order puts neighbours 6 apart at best
        GaussianClusters data = GaussianClusters.generate(1200, 10, 6, 20.0, 31);
        return Tsne.affinities(data.features(), TsneConfig.defaults().withPerplexity(10).withThreads(2),
                TsneListener.NONE, CancellationToken.NONE);
    }

    @Test
    void renumberedAffinitiesAreTheSameMatrix() {
        SparseAffinities p = interleavedClusters();
        LocalityOrder order = LocalityOrder.breadthFirst(p);
        int[] sorted = order.order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i], "order is a permutation");
        }
        SparseAffinities local = order.apply(p);
        assertEquals(p.nonZeros(), local.nonZeros());
        for (int i = 0; i < p.rows(); i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                assertEquals(p.values()[e], local.get(order.rank[i], order.rank[p.columns()[e]]));
            }
            int r = order.rank[i];
            for (int e = local.rowStart()[r] + 1; e < local.rowStart()[r + 1]; e++) {
                assertTrue(local.columns()[e - 1] < local.columns()[e], "columns ascending in row " + r);
            }
        }
    }

    @Test
    void neighboursGetNearbyNumbers() {
        SparseAffinities p = interleavedClusters();
        SparseAffinities local = LocalityOrder.breadthFirst(p).apply(p);
        assertTrue(meanIndexGap(local) < meanIndexGap(p) / 4,
                "mean |i - j| over entries: " + meanIndexGap(local) + " vs input order " + meanIndexGap(p));
    }

    @Test
    void layoutsRoundTripBetweenNumberings() {
        SparseAffinities p = interleavedClusters();
        LocalityOrder order = LocalityOrder.breadthFirst(p);
        double[] y = new double[2 * p.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = i * 0.5 - 3;
        }
        double[] local = order.toLocal(y);
        assertEquals(y[2 * order.order[5] + 1], local[2 * 5 + 1]);
        double[] back = new double[y.length];
        order.toInput(local, back);
        assertArrayEquals(y, back);
    }

    private static double meanIndexGap(SparseAffinities p) {
        double sum = 0;
        for (int i = 0; i < p.rows(); i++) {
            for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
                sum += Math.abs(i - p.columns()[e]);
            }
        }
        return sum / p.nonZeros();
    }
}
