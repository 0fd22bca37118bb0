package org.simsiamexplorer.service;

import java.io.IOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Gives the embedding map its layouts: from the run's layout cache when there is one, otherwise computed by the
 * {@link LayoutEngine} and then cached (a failed cache write is reported but does not lose the layout).
 */
public final class MapLayouts {
    private final LayoutEngine engine;

    public MapLayouts(LayoutEngine engine) {
        this.engine = engine;
    }

    /** The cached layout, if any (cheap: one file read). */
    public Optional<MapLayout> cached(RunDirectory run, FeatureSet features, LayoutSpec spec) {
        return LayoutCache.of(run).read(features.stem(), spec, features.rows());
    }

    /** The cached layout, or a freshly computed one that is then written to the cache. */
    public Result obtain(RunDirectory run, FeatureSet features, LayoutSpec spec, LayoutEngine.Listener listener,
                         BooleanSupplier cancelled) {
        Optional<MapLayout> cached = cached(run, features, spec);
        if (cached.isPresent()) {
            return new Result(cached.get(), true, null);
        }
        MapLayout layout = engine.compute(features, spec, listener, cancelled);
        try {
            LayoutCache.of(run).write(features.stem(), layout);
            return new Result(layout, false, null);
        } catch (IOException e) {
            return new Result(layout, false, "could not cache the layout in " + LayoutCache.of(run).folder()
                    + " (" + e.getMessage() + "); it will be recomputed next time");
        }
    }

    /**
     * @param fromCache    true when no computation was needed
     * @param cacheWarning null, or why the computed layout could not be cached
     */
    public record Result(MapLayout layout, boolean fromCache, String cacheWarning) {
    }
}
