package org.simsiamexplorer.data.augment;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers batches {@code 0 .. batchCount-1} in order while worker threads prepare the next ones. At most
 * {@code prefetchBatches} batches are queued or in preparation ahead of the consumer (a bounded queue of
 * futures), so memory stays bounded and the consumer normally finds its next batch ready.
 * A worker's exception reaches the consumer as a {@link BatchPreparationException} naming the batch.
 * {@link #close()} (also from another thread, e.g. on cancel) interrupts the workers and waits briefly for them.
 * One consumer thread calls {@link #hasNext()}/{@link #next()}.
 */
public final class PrefetchingBatchStream<B> implements Iterator<B>, AutoCloseable {
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final AtomicInteger STREAM_NUMBER = new AtomicInteger();

    /** Prepares batch {@code batchNumber}; should end early with an exception when its thread is interrupted. */
    @FunctionalInterface
    public interface BatchProducer<B> {
        B produce(int batchNumber) throws Exception;
    }

    private final String name;
    private final int batchCount;
    private final BatchProducer<B> producer;
    private final ExecutorService workers;
    private final ArrayDeque<Future<B>> pending = new ArrayDeque<>();
    private int nextToSubmit;
    private int nextToDeliver;
    private volatile boolean closed;

    public PrefetchingBatchStream(String name, int batchCount, BatchProducer<B> producer, int workerThreads,
                                  int prefetchBatches) {
        this.name = Objects.requireNonNull(name, "name");
        this.producer = Objects.requireNonNull(producer, "producer");
        if (batchCount < 0) {
            throw new IllegalArgumentException("batch count must not be negative, got " + batchCount);
        }
        if (workerThreads < 1 || prefetchBatches < 1) {
            throw new IllegalArgumentException("need at least 1 worker thread and 1 prefetched batch, got "
                    + workerThreads + " threads and " + prefetchBatches + " batches");
        }
        this.batchCount = batchCount;
        this.workers = Executors.newFixedThreadPool(workerThreads, daemonThreads(name));
        synchronized (this) {
            while (nextToSubmit < batchCount && pending.size() < prefetchBatches) {
                submitNext();
            }
        }
        if (batchCount == 0) {
            workers.shutdown();
        }
    }

    public int batchCount() {
        return batchCount;
    }

    @Override
    public boolean hasNext() {
        return !closed && nextToDeliver < batchCount;
    }

    @Override
    public B next() {
        if (closed) {
            throw new BatchPreparationException(name + ": the batch stream was closed", null);
        }
        if (nextToDeliver >= batchCount) {
            throw new NoSuchElementException(name + ": all " + batchCount + " batches were delivered");
        }
        int batchNumber = nextToDeliver;
        Future<B> future;
        synchronized (this) {
            future = pending.poll();
        }
        B batch = await(future, batchNumber);
        nextToDeliver++;
        synchronized (this) {
            if (!closed && nextToSubmit < batchCount) {
                submitNext();
            }
        }
        if (nextToDeliver == batchCount) {
            workers.shutdown(); // every batch is out; let the threads end
        }
        return batch;
    }

    private B await(Future<B> future, int batchNumber) {
        if (future == null) {
            throw new BatchPreparationException(name + ": the batch stream was closed", null);
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            throw new BatchPreparationException(name + ": preparing batch " + batchNumber + " of " + batchCount
                    + " failed: " + cause, cause);
        } catch (CancellationException e) {
            throw new BatchPreparationException(name + ": the batch stream was closed while waiting for batch "
                    + batchNumber, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new BatchPreparationException(name + ": interrupted while waiting for batch " + batchNumber, e);
        }
    }

    private void submitNext() {
        int batchNumber = nextToSubmit++;
        pending.add(workers.submit(() -> producer.produce(batchNumber)));
    }

    /** Stops the workers (interrupting running ones) and drops queued batches; waits up to 2 s for the threads. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            for (Future<B> future : pending) {
                future.cancel(true);
            }
            pending.clear();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once every worker thread has ended (after close, or after the last batch was delivered). */
    public boolean isTerminated() {
        return workers.isTerminated();
    }

    private static ThreadFactory daemonThreads(String name) {
        int stream = STREAM_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread worker = new Thread(runnable, name + "-" + stream + "-worker-" + thread.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        };
    }
}
