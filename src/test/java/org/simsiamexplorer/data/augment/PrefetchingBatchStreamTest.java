package org.simsiamexplorer.data.augment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrefetchingBatchStreamTest {

    @Test
    void batchesArriveInOrderEvenWhenWorkersFinishOutOfOrder() {
        List<Integer> received = new ArrayList<>();
        try (var stream = new PrefetchingBatchStream<>("test", 30, n -> {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            return n;
        }, 4, 4)) {
            stream.forEachRemaining(received::add);
            assertTrue(stream.isTerminated() || !stream.hasNext());
        }
        assertEquals(java.util.stream.IntStream.range(0, 30).boxed().toList(), received);
    }

    @Test
    void workersStayAtMostThePrefetchLimitAheadOfTheConsumer() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        try (var stream = new PrefetchingBatchStream<>("test", 100, n -> started.incrementAndGet(), 3, 2)) {
            awaitAtLeast(started, 2);
            Thread.sleep(100); // a stalled consumer: workers must not run ahead
            assertEquals(2, started.get());
            stream.next();
            awaitAtLeast(started, 3);
            Thread.sleep(50);
            assertEquals(3, started.get());
        }
    }

    private static void awaitAtLeast(AtomicInteger counter, int value) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (counter.get() < value && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    @Test
    void aProducerExceptionNamesTheFailedBatchAndKeepsItsCause() {
        try (var stream = new PrefetchingBatchStream<Integer>("loader", 5, n -> {
            if (n == 2) {
                throw new java.io.IOException("disk gone");
            }
            return n;
        }, 2, 2)) {
            assertEquals(0, stream.next());
            assertEquals(1, stream.next());
            var error = assertThrows(BatchPreparationException.class, stream::next);
            assertEquals("loader: preparing batch 2 of 5 failed: java.io.IOException: disk gone", error.getMessage());
            assertEquals("disk gone", error.getCause().getMessage());
            assertFalse(stream.hasNext());
        }
    }

    @Test
    void anEmptyStreamHasNoBatchesAndNoLiveThreads() throws InterruptedException {
        try (var stream = new PrefetchingBatchStream<Integer>("empty", 0, n -> n, 1, 1)) {
            assertFalse(stream.hasNext());
            Thread.sleep(20);
            assertTrue(stream.isTerminated());
        }
    }
}
