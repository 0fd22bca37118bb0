package org.simsiamexplorer.explain;

/** Progress of one explanation, reported from the thread that computes it. */
@FunctionalInterface
public interface ExplainListener {
    ExplainListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} model evaluations (or gradient samples) finished. */
    void progress(long done, long total);
}
