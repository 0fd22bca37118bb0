package org.simsiamexplorer.analysis;

import java.util.concurrent.CancellationException;

/** A flag a caller sets to stop a long computation; the computation checks it often and throws {@link CancellationException}. */
public final class CancellationToken {
    /** A token nobody can cancel, for callers that never stop a computation. */
    public static final CancellationToken NONE = new CancellationToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this != NONE) {
            cancelled = true;
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancellationException when {@link #cancel()} was called */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("computation cancelled");
        }
    }
}
