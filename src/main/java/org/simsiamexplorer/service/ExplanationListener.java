package org.simsiamexplorer.service;

/** Progress of an explanation batch: which image, and how far its model evaluations are. */
@FunctionalInterface
public interface ExplanationListener {
    ExplanationListener NONE = (image, images, fraction) -> { };

    /** @param fraction 0..1 of the whole batch of images */
    void progress(int image, int images, double fraction);
}
