package org.simsiamexplorer.service;

/** An explanation stopped because the user cancelled it. */
public final class ExplanationCancelledException extends RuntimeException {
    public ExplanationCancelledException() {
        super("explanation cancelled");
    }
}
