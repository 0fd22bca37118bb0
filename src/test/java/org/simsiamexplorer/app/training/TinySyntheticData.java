package org.simsiamexplorer.app.training;

import org.simsiamexplorer.service.TrainingData;
import org.simsiamexplorer.service.TrainingDataFactory;

import java.util.Random;

/** Random 32x32 images that depend only on (seed, epoch, step): enough for the real service to train in seconds. */
final class TinySyntheticData implements TrainingData {
    private static final int IMAGE_FLOATS = 3 * 32 * 32;
    private final long seed;
    private final int batchSize;
    private final int stepsPerEpoch;

    private TinySyntheticData(long seed, int batchSize, int stepsPerEpoch) {
        this.seed = seed;
        this.batchSize = batchSize;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    static TrainingDataFactory factory(int stepsPerEpoch) {
        return config -> new TinySyntheticData(config.seed(), config.batchSize(), stepsPerEpoch);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public ViewBatches epoch(int epoch) {
        return new ViewBatches() {
            private int step;

            @Override
            public ViewPair next() {
                Random random = new Random(seed * 1_000_003L + epoch * 1_009L + step++);
                return new ViewPair(images(random, batchSize), images(random, batchSize), batchSize);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public EvalImages memoryBank() {
        return eval("train", 20, 1);
    }

    @Override
    public EvalImages testSet() {
        return eval("test", 10, 2);
    }

    @Override
    public void close() {
    }

    private EvalImages eval(String split, int count, long salt) {
        float[] all = images(new Random(seed + salt), count);
        int[] labels = new int[count];
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
            indices[i] = i;
        }
        return new EvalImages() {
            @Override
            public String split() {
                return split;
            }

            @Override
            public int size() {
                return count;
            }

            @Override
            public int[] labels() {
                return labels;
            }

            @Override
            public int[] datasetIndices() {
                return indices;
            }

            @Override
            public EvalBatches batches(int size) {
                return new EvalBatches() {
                    private int from;

                    @Override
                    public boolean hasNext() {
                        return from < count;
                    }

                    @Override
                    public float[] next() {
                        int n = Math.min(size, count - from);
                        float[] out = new float[n * IMAGE_FLOATS];
                        System.arraycopy(all, from * IMAGE_FLOATS, out, 0, out.length);
                        from += n;
                        return out;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    private static float[] images(Random random, int count) {
        float[] values = new float[count * IMAGE_FLOATS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
