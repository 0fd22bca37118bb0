package org.simsiamexplorer.cli;

/** Process exit codes of the command line. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Training failed (the message says why), or the data or a file could not be used. */
    public static final int FAILED = 1;
    /** The command line was wrong; the help was printed. */
    public static final int USAGE = 2;
    /** The run was stopped (Ctrl-C or stop) with a checkpoint; {@code resume} continues it. */
    public static final int STOPPED = 3;
    /** The command exists but is not implemented yet. */
    public static final int NOT_AVAILABLE = 4;

    private ExitCodes() {
    }
}
