package org.simsiamexplorer.service;

import java.util.Random;
import java.util.function.BiPredicate;

/**
 * Tiny deterministic stand-in for CIFAR-10: random 32x32 images that depend only on (seed, epoch, step), so that a
 * resumed run sees exactly the data of an uninterrupted one. Optionally poisons chosen batches with NaN.
 */
public final class SyntheticTrainingData implements TrainingData {
    static final int IMAGE_FLOATS = 3 * 32 * 32;

    private final long seed;
    private final int batchSize;
    private final int stepsPerEpoch;
    private final BiPredicate<Integer, Integer> poisoned;
    private final long millisPerBatch;
    volatile boolean closed;

    SyntheticTrainingData(long seed, int batchSize, int stepsPerEpoch) {
        this(seed, batchSize, stepsPerEpoch, (epoch, step) -> false, 0);
    }

    SyntheticTrainingData(long seed, int batchSize, int stepsPerEpoch, BiPredicate<Integer, Integer> poisoned,
                          long millisPerBatch) {
        this.seed = seed;
        this.batchSize = batchSize;
        this.stepsPerEpoch = stepsPerEpoch;
        this.poisoned = poisoned;
        this.millisPerBatch = millisPerBatch;
    }

    public static TrainingDataFactory factory(int stepsPerEpoch) {
        return config -> new SyntheticTrainingData(config.seed(), config.batchSize(), stepsPerEpoch);
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
                if (millisPerBatch > 0) {
                    try {
                        Thread.sleep(millisPerBatch);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Random random = new Random(seed * 1_000_003L + epoch * 1_009L + step);
                float[] view1 = images(random, batchSize);
                float[] view2 = images(random, batchSize);
                if (poisoned.test(epoch, step)) {
                    view1[0] = Float.NaN;
                }
                step++;
                return new ViewPair(view1, view2, batchSize);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public EvalImages memoryBank() {
        return evalImages("train", 20, 1);
    }

    @Override
    public EvalImages testSet() {
        return evalImages("test", 12, 2);
    }

    @Override
    public void close() {
        closed = true;
    }

    private EvalImages evalImages(String split, int count, long salt) {
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
            public EvalBatches batches(int batchSize) {
                return new EvalBatches() {
                    private int from;

                    @Override
                    public boolean hasNext() {
                        return from < count;
                    }

                    @Override
                    public float[] next() {
                        int n = Math.min(batchSize, count - from);
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
