package org.simsiamexplorer.data;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread (e.g. a Cancel button) stop a long operation at its next check. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
