package org.simsiamexplorer.analysis;

/** Receives {@link TsneProgress} on the thread that runs {@link Tsne#run}; must return quickly. */
@FunctionalInterface
public interface TsneListener {
    TsneListener NONE = progress -> { };

    void onProgress(TsneProgress progress);
}
