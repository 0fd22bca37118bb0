package org.simsiamexplorer.app.embeddings;

import org.simsiamexplorer.analysis.map.PointGrid;
import org.simsiamexplorer.service.FeatureSet;
import org.simsiamexplorer.service.MapLayout;
import org.simsiamexplorer.service.RunDirectory;

import java.util.HashMap;
import java.util.Map;

/**
 * One immutable snapshot of what a map shows: the features, their current layout and its spatial index.
 * t-SNE publishes a new snapshot every few iterations; the renderer and picking always see a consistent one.
 */
public record MapData(RunDirectory run, FeatureSet features, MapLayout layout, PointGrid grid,
                      Map<Integer, Integer> rowOfDatasetIndex, boolean finalLayout) {

    static MapData of(RunDirectory run, FeatureSet features, MapLayout layout, boolean finalLayout) {
        Map<Integer, Integer> rows = new HashMap<>(features.rows() * 2);
        int[] indices = features.datasetIndices();
        for (int row = 0; row < indices.length; row++) {
            rows.put(indices[row], row);
        }
        return new MapData(run, features, layout, PointGrid.build(layout.xy()), rows, finalLayout);
    }

    /** The same features with a moved layout (t-SNE progress), sharing the dataset-index map. */
    MapData withLayout(MapLayout moved, boolean isFinal) {
        return new MapData(run, features, moved, PointGrid.build(moved.xy()), rowOfDatasetIndex, isFinal);
    }

    public int rows() {
        return features.rows();
    }

    public int label(int row) {
        return features.labels()[row] & 0xFF;
    }

    public int datasetIndex(int row) {
        return features.datasetIndices()[row];
    }

    /** The row showing this dataset image, or -1 when this feature set does not include it. */
    public int rowOf(int datasetIndex) {
        return rowOfDatasetIndex.getOrDefault(datasetIndex, -1);
    }

    public String split() {
        return features.split();
    }
}
