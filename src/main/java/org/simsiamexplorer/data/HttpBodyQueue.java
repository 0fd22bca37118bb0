package org.simsiamexplorer.data;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Hands body chunks, the end, or an error from the HTTP client's threads to the downloading thread. */
final class HttpBodyQueue implements Flow.Subscriber<List<ByteBuffer>> {
    static final Object END = new Object();
    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (cancelled) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        items.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        items.add(throwable);
    }

    @Override
    public void onComplete() {
        items.add(END);
    }

    Object poll() throws InterruptedIOException {
        try {
            return items.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Download interrupted");
        }
    }

    void requestMore() {
        subscription.request(1);
    }

    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
