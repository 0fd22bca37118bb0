package org.simsiamexplorer.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon threads that runs numbered tasks and waits for them. The calling thread works too, so
 * {@code threads = 1} runs everything on the caller. Results must not depend on which thread ran which task:
 * tasks write to disjoint places or to per-task partial results that the caller combines in task order.
 */
final class WorkerPool implements AutoCloseable {
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();

    private final int threads;
    private final ExecutorService executor;

    WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            executor = null;
        } else {
            int pool = POOL_COUNTER.incrementAndGet();
            AtomicInteger counter = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "analysis-" + pool + "-worker-" + counter.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    int threads() {
        return threads;
    }

    /** Runs {@code task.accept(i)} for i in [0, tasks) and returns when all are done; rethrows the first failure. */
    void run(int tasks, IntConsumer task) {
        if (executor == null || tasks <= 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                task.accept(i);
            }
        };
        int helpers = Math.min(threads - 1, tasks - 1);
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(executor.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
            next.set(tasks); // stop handing out work
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new java.util.concurrent.CancellationException("interrupted");
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Splits [0, n) into {@code chunks} contiguous ranges and returns the start of range {@code c}. */
    static int chunkStart(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
