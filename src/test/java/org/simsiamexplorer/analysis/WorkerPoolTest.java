package org.simsiamexplorer.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerPoolTest {

    @ParameterizedTest(name = "{0} threads, {1} tasks")
    @CsvSource({"1, 10", "2, 1", "2, 2", "3, 1000", "4, 7"})
    void everyTaskRunsExactlyOnceOnEveryCall(int threads, int tasks) {
        try (WorkerPool pool = new WorkerPool(threads)) {
            for (int call = 0; call < 2000; call++) { // many quick calls: the t-SNE pattern
                AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
                pool.run(tasks, runs::incrementAndGet);
                for (int i = 0; i < tasks; i++) {
                    assertEquals(1, runs.get(i), "call " + call + ", task " + i);
                }
            }
        }
    }

    @Test
    void workOfAllThreadsIsVisibleWhenRunReturns() {
        try (WorkerPool pool = new WorkerPool(2)) {
            long[] sums = new long[64];
            for (int call = 0; call < 500; call++) {
                int c = call;
                pool.run(sums.length, t -> sums[t] = (long) c * t);
                for (int t = 0; t < sums.length; t++) {
                    assertEquals((long) call * t, sums[t]);
                }
            }
        }
    }

    @Test
    void theCallerAndTheWorkersShareTheTasks() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (WorkerPool pool = new WorkerPool(2)) {
            pool.run(200, t -> {
                names.add(Thread.currentThread().getName());
                sleepMillis(1);
            });
        }
        assertTrue(names.contains(Thread.currentThread().getName()), "caller took tasks: " + names);
        assertEquals(2, names.size(), "and one worker did: " + names);
    }

    @Test
    void firstFailureIsRethrownAndLaterTasksAreNotStarted() {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicInteger started = new AtomicInteger();
            IllegalStateException failure = new IllegalStateException("task 0 failed");
            // the other tasks take a millisecond each, so the failing task's thread would have to be descheduled
            // for seconds to let them all start (trivial tasks did all start once on a busy 2-core machine)
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> pool.run(10_000, t -> {
                started.incrementAndGet();
                if (t == 0) {
                    throw failure;
                }
                LockSupport.parkNanos(1_000_000);
            }));
            assertSame(failure, thrown);
            assertTrue(started.get() < 10_000, "stopped handing out tasks after the failure: " + started.get());
            AtomicInteger after = new AtomicInteger();
            pool.run(5, t -> after.incrementAndGet());
            assertEquals(5, after.get(), "the pool still works after a failure");
        }
    }

    @Test
    void closeStopsTheWorkerThreads() throws Exception {
        WorkerPool pool = new WorkerPool(3);
        Thread caller = Thread.currentThread();
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        pool.run(300, t -> {
            if (Thread.currentThread() != caller) {
                workers.add(Thread.currentThread());
            }
            sleepMillis(1);
        });
        assertEquals(2, workers.size(), "both workers took tasks");
        pool.close();
        for (Thread worker : workers) {
            worker.join(5000);
            assertFalse(worker.isAlive(), worker.getName() + " ended after close");
        }
        assertThrows(IllegalStateException.class, () -> pool.run(10, t -> { }));
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
