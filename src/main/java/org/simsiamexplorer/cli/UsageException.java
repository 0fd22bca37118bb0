package org.simsiamexplorer.cli;

/** A wrong command line: the message says what, and the command's help follows it. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
