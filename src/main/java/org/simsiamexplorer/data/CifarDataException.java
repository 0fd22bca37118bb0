package org.simsiamexplorer.data;

import java.io.IOException;

/** A CIFAR-10 file is missing, truncated, corrupt or unsafe; the message says which and what to do. */
public final class CifarDataException extends IOException {
    public CifarDataException(String message) {
        super(message);
    }

    public CifarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
