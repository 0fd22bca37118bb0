package org.simsiamexplorer.service.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.simsiamexplorer.data.augment.EvalBatchLoader;
import org.simsiamexplorer.data.augment.ImageBatch;
import org.simsiamexplorer.data.augment.PlanarImages;
import org.simsiamexplorer.data.augment.PrefetchingBatchStream;

/**
 * Backbone features of unaugmented images in inference mode ({@code training = false}: BatchNorm uses its running
 * statistics and never updates them). The linear probe computes them once and trains its head on the cache.
 */
final class FeatureExtractor {
    private FeatureExtractor() {
    }

    /** rows x featureSize floats, row {@code i} for image {@code indices[i]}. */
    static float[] extract(Block backbone, int featureSize, PlanarImages images, int[] indices, int batchSize,
                           NDManager manager, String stage, EvaluationListener listener) {
        float[] out = new float[indices.length * featureSize];
        ParameterStore store = new ParameterStore(manager, false);
        EvalBatchLoader loader = EvalBatchLoader.builder().setImages(images).setBatchSize(batchSize)
                .optSubset(indices).build();
        int row = 0;
        try (PrefetchingBatchStream<ImageBatch> batches = loader.batches()) {
            while (batches.hasNext()) {
                ImageBatch batch = batches.next();
                try (NDManager scratch = manager.newSubManager()) {
                    NDArray x = scratch.create(batch.images(), new Shape(batch.shape()));
                    NDArray features = backbone.forward(store, new NDList(x), false).singletonOrThrow();
                    float[] values = features.toFloatArray();
                    System.arraycopy(values, 0, out, row * featureSize, values.length);
                }
                row += batch.size();
                listener.onProgress(stage, row, indices.length);
            }
        }
        return out;
    }
}
