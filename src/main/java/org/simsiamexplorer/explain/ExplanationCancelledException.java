package org.simsiamexplorer.explain;

/** Thrown when an explanation stops because its {@code CancellationToken} was cancelled; nothing partial escapes. */
public final class ExplanationCancelledException extends RuntimeException {
    public ExplanationCancelledException() {
        super("explanation cancelled");
    }
}
