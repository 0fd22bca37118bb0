package org.simsiamexplorer.data;

/** Receives download progress, at most a few times a second, on the downloading thread. */
@FunctionalInterface
public interface DownloadListener {
    DownloadListener NONE = progress -> { };

    void onProgress(DownloadProgress progress);
}
