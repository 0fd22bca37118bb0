package org.simsiamexplorer.data;

import java.io.IOException;

/** The user cancelled a download; the partial file is kept so the next download resumes. */
public final class DownloadCancelledException extends IOException {
    public DownloadCancelledException(String message) {
        super(message);
    }
}
