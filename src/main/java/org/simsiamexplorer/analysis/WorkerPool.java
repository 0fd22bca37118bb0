package org.simsiamexplorer.analysis;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon threads that runs numbered tasks and waits for them. The calling thread works too, so
 * {@code threads = 1} runs everything on the caller. Results must not depend on which thread ran which task:
 * tasks write to disjoint places or to per-task partial results that the caller combines in task order.
 * <p>
 * t-SNE calls {@link #run} ~8 times per iteration with a few hundred microseconds of work each, so hand-off
 * latency matters: idle workers and a caller waiting for them spin for up to {@link #SPIN_NANOS} before
 * parking (a park/unpark round trip costs tens of microseconds on a VM). The spin is bounded, so a pool
 * between calls, or a machine busy with other work, loses at most that much CPU per call.
 */
final class WorkerPool implements AutoCloseable {
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();
    static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final Thread[] workers;
    private volatile Job job;
    private volatile boolean closed;

    WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        workers = new Thread[threads - 1];
        int pool = POOL_COUNTER.incrementAndGet();
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(this::work, "analysis-" + pool + "-worker-" + (w + 1));
            workers[w].setDaemon(true);
            workers[w].start();
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
        if (workers.length == 0 || tasks <= 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        if (closed) {
            throw new IllegalStateException("worker pool is closed");
        }
        Job current = new Job(tasks, task, Thread.currentThread());
        job = current; // publishes the job; spinning workers see it at once
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        current.work();
        boolean interrupted = current.awaitWorkers();
        job = null;
        Throwable failure = current.failure.get();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private void work() {
        Job done = null;
        while (!closed) {
            Job next = job;
            if (next == null || next == done) {
                next = awaitJob(done);
                if (next == null) {
                    continue;
                }
            }
            if (next.join()) {
                next.work();
                next.leave();
            }
            done = next;
        }
    }

    /** Spins, then parks, until a job other than {@code done} is published or the pool closes. */
    private Job awaitJob(Job done) {
        long start = System.nanoTime();
        while (!closed) {
            Job next = job;
            if (next != null && next != done) {
                return next;
            }
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                Thread.interrupted(); // workers are stopped by close(), not by interrupts
            }
        }
        return null;
    }

    /** Splits [0, n) into {@code chunks} contiguous ranges and returns the start of range {@code c}. */
    static int chunkStart(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    /**
     * One call of {@link #run}: tasks handed out by a counter. Workers join while it is open; the caller, once
     * out of tasks, waits for the joined ones to leave and closes it, so a worker that was descheduled meanwhile
     * is not waited for.
     */
    private static final class Job {
        private static final int CLOSED = -1;
        private final int tasks;
        private final IntConsumer task;
        private final Thread caller;
        private final AtomicInteger next = new AtomicInteger();
        /** Workers inside the job, or CLOSED. */
        private final AtomicInteger active = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int tasks, IntConsumer task, Thread caller) {
            this.tasks = tasks;
            this.task = task;
            this.caller = caller;
        }

        boolean join() {
            for (int a = active.get(); a != CLOSED; a = active.get()) {
                if (active.compareAndSet(a, a + 1)) {
                    return true;
                }
            }
            return false;
        }

        void leave() {
            if (active.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    next.set(tasks); // stop handing out work
                }
            }
        }

        /** Waits (spin, then park) until no worker is inside, then closes; returns whether it was interrupted. */
        boolean awaitWorkers() {
            boolean interrupted = false;
            long start = System.nanoTime();
            while (!active.compareAndSet(0, CLOSED)) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted();
                }
            }
            return interrupted | Thread.interrupted();
        }
    }
}
