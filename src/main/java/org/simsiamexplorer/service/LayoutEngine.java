package org.simsiamexplorer.service;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Computes a 2-D layout of a feature set (PCA, t-SNE), reporting progress and stopping when asked. */
public interface LayoutEngine {

    /**
     * @param listener  told the progress and, for iterative methods, the current layout every few iterations
     * @param cancelled polled often; when it turns true the computation stops
     * @throws CancellationException when stopped through {@code cancelled}
     */
    MapLayout compute(FeatureSet features, LayoutSpec spec, Listener listener, BooleanSupplier cancelled);

    /** Progress of a layout computation; called on the computing thread. */
    @FunctionalInterface
    interface Listener {
        /**
         * @param fraction     0..1
         * @param intermediate the current (unfinished) layout as x,y pairs, or null when there is none to show;
         *                     the receiver owns the array
         */
        void progress(double fraction, float[] intermediate);

        Listener NONE = (fraction, intermediate) -> { };
    }
}
