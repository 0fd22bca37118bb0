package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneTest {
    private static final TsneConfig FAST = TsneConfig.defaults().withThreads(2).withIterations(400);

    @Test
    void wellSeparatedClustersStaySeparatedAndNeighbourhoodsAreTrusted() {
        GaussianClusters data = GaussianClusters.generate(1600, 10, 6, 3.0, 21); // above Tsne.EXACT_BELOW: FFT path
        TsneResult result = Tsne.run(data.features(), TsneConfig.defaults().withThreads(2).withIterations(500));
        double trust = LayoutQuality.trustworthiness(data.features(), result.layout(), 10, 2, CancellationToken.NONE);
        double silhouette = LayoutQuality.silhouette(result.layout(), data.labels(), 2, CancellationToken.NONE);
        assertTrue(trust > 0.95, "trustworthiness " + trust);
        assertTrue(silhouette > 0.7, "clusters separate in the layout, silhouette " + silhouette);
        assertTrue(Double.isFinite(result.klDivergence()) && result.klDivergence() > 0, "KL " + result.klDivergence());
    }

    @Test
    void sameSeedAndThreadsGiveTheSameLayout() {
        FeatureMatrix x = GaussianClusters.generate(600, 64, 4, 1.0, 22).features();
        TsneConfig config = FAST.withIterations(150);
        assertArrayEquals(Tsne.run(x, config).layout().values(), Tsne.run(x, config).layout().values());
    }

    @Test
    void listenerSeesEveryStageAndLayoutCopies() {
        FeatureMatrix x = GaussianClusters.generate(300, 64, 3, 1.0, 23).features();
        List<TsneProgress> seen = new ArrayList<>();
        Tsne.run(x, FAST.withIterations(100).withProgressInterval(25), seen::add, CancellationToken.NONE);
        assertEquals(TsneProgress.Stage.REDUCING_DIMENSIONS, seen.get(0).stage());
        assertEquals(TsneProgress.Stage.DONE, seen.get(seen.size() - 1).stage());
        List<Integer> iterations = seen.stream().filter(p -> p.stage() == TsneProgress.Stage.OPTIMISING)
                .map(TsneProgress::iteration).toList();
        assertEquals(List.of(0, 25, 50, 75), iterations, "optimisation start, then every 25 iterations");
        TsneProgress start = seen.stream().filter(p -> p.stage() == TsneProgress.Stage.OPTIMISING).findFirst()
                .orElseThrow();
        assertTrue(start.layout() == null, "no layout before the first iteration");
        TsneProgress mid = seen.stream().filter(p -> p.iteration() == 50).findFirst().orElseThrow();
        assertEquals(300, mid.layout().rows());
        assertTrue(mid.klDivergence() > 0);
        assertTrue(mid.layout() != seen.get(seen.size() - 1).layout(), "each report has its own copy");
    }

    @Test
    void cancellationDuringOptimisationReturnsWithin100Milliseconds() throws Exception {
        FeatureMatrix x = GaussianClusters.generate(5000, 50, 5, 1.0, 24).features();
        CancellationToken token = new CancellationToken();
        CountDownLatch optimising = new CountDownLatch(1);
        CompletableFuture<TsneResult> run = CompletableFuture.supplyAsync(() -> Tsne.run(x,
                TsneConfig.defaults().withThreads(2).withProgressInterval(1), p -> {
                    if (p.stage() == TsneProgress.Stage.OPTIMISING && p.iteration() >= 5) {
                        optimising.countDown();
                    }
                }, token));
        assertTrue(optimising.await(30, TimeUnit.SECONDS), "optimisation started");
        long start = System.nanoTime();
        token.cancel();
        Exception e = assertThrows(Exception.class, () -> run.get(5, TimeUnit.SECONDS));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(CancellationException.class, e.getCause() == null ? e : e.getCause());
        assertTrue(millis < 100, "returned " + millis + " ms after cancel");
    }

    @Test
    void cancellationDuringNeighbourSearchAlsoStopsQuickly() throws Exception {
        FeatureMatrix x = GaussianClusters.generate(20000, 50, 5, 1.0, 25).features();
        CancellationToken token = new CancellationToken();
        CountDownLatch searching = new CountDownLatch(1);
        CompletableFuture<TsneResult> run = CompletableFuture.supplyAsync(() -> Tsne.run(x,
                TsneConfig.defaults().withThreads(2), p -> {
                    if (p.stage() == TsneProgress.Stage.FINDING_NEIGHBOURS) {
                        searching.countDown();
                    }
                }, token));
        assertTrue(searching.await(30, TimeUnit.SECONDS));
        Thread.sleep(50);
        long start = System.nanoTime();
        token.cancel();
        assertThrows(Exception.class, () -> run.get(5, TimeUnit.SECONDS));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 100, "returned " + millis + " ms after cancel");
    }

    @Test
    void nonFiniteInputIsRejectedWithItsPosition() {
        FeatureMatrix x = GaussianClusters.generate(100, 4, 2, 1.0, 26).features();
        x.values()[9] = Float.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tsne.run(x, FAST));
        assertTrue(e.getMessage().contains("row 2, column 1"), e.getMessage());
    }
}
