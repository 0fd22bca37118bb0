package org.simsiamexplorer.data.augment;

/** A batch could not be prepared: a worker failed, the wait was interrupted, or the stream was closed. */
public class BatchPreparationException extends RuntimeException {
    public BatchPreparationException(String message, Throwable cause) {
        super(message, cause);
    }
}
