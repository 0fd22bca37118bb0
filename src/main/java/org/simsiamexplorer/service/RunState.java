package org.simsiamexplorer.service;

/** Lifecycle of a run; {@link #isTerminal()} states never change again without an explicit resume. */
public enum RunState {
    IDLE, RUNNING, PAUSED, STOPPED, FAILED, FINISHED;

    public boolean isTerminal() {
        return this == STOPPED || this == FAILED || this == FINISHED;
    }

    public boolean isActive() {
        return this == RUNNING || this == PAUSED;
    }
}
