package org.simsiamexplorer.analysis;

/** One thread's work in {@link KnnSearch}: a block of queries against all reference blocks, keeping the k best. */
final class BlockSearch {
    private final FeatureMatrix queries;
    private final FeatureMatrix references;
    private final float[] queryNorms;
    private final float[][] blockNorms;
    private final float[][][] blocks;
    private final int k;
    private final DistanceMetric metric;
    private final boolean excludeSelf;
    private final CancellationToken cancel;
    private final float[][] dots = new float[4][KnnSearch.REFERENCE_BLOCK];

    BlockSearch(FeatureMatrix queries, FeatureMatrix references, float[] queryNorms, float[][] blockNorms,
                float[][][] blocks, int k, DistanceMetric metric, boolean excludeSelf, CancellationToken cancel) {
        this.queries = queries;
        this.references = references;
        this.queryNorms = queryNorms;
        this.blockNorms = blockNorms;
        this.blocks = blocks;
        this.k = k;
        this.metric = metric;
        this.excludeSelf = excludeSelf;
        this.cancel = cancel;
    }

    void run(int from, int to, int[] outNeighbours, float[] outDistances) {
        int count = to - from;
        SmallestKeys[] best = new SmallestKeys[count];
        for (int slot = 0; slot < count; slot++) {
            best[slot] = new SmallestKeys(k);
        }
        float[] work = new float[KnnSearch.REFERENCE_BLOCK];
        for (int b = 0; b < blocks.length; b++) {
            cancel.throwIfCancelled();
            int refFrom = b * KnnSearch.REFERENCE_BLOCK;
            int size = Math.min(KnnSearch.REFERENCE_BLOCK, references.rows() - refFrom);
            for (int q0 = from; q0 < to; q0 += 4) {
                int tile = Math.min(4, to - q0);
                dotTile(queries.values(), queries.cols(), q0, tile, blocks[b], size, dots);
                for (int t = 0; t < tile; t++) {
                    int qi = q0 + t;
                    toDistances(qi, dots[t], blockNorms[b], size, work);
                    int self = excludeSelf && qi >= refFrom && qi < refFrom + size ? qi - refFrom : -1;
                    offer(best[qi - from], work, self, refFrom, size);
                }
            }
        }
        long[] keys = new long[k];
        float[] dist = new float[k];
        int[] index = new int[k];
        for (int slot = 0; slot < count; slot++) {
            int found = best[slot].sortedInto(keys);
            for (int e = 0; e < found; e++) {
                index[e] = (int) keys[e];
            }
            refineDistances(from + slot, dist, index, found);
            sortAscending(dist, index, found);
            System.arraycopy(index, 0, outNeighbours, (from + slot) * k, k);
            System.arraycopy(dist, 0, outDistances, (from + slot) * k, k);
        }
    }

    /**
     * dots[t][j] = row(q0+t) . reference(j) for a tile of up to four rows against a block stored one array per
     * dimension ({@code block[dim][j]}). The inner loop indexes every array by j alone: C2 only vectorises a loop
     * whose loads and stores it can prove do not overlap at different offsets, and a single flat block read at
     * {@code dim * size + j} next to the {@code dots} stores at {@code j} defeats that proof (measured: 3 GMAC/s
     * scalar vs 14-16 GMAC/s vectorised per core). Accumulation runs over the dimensions in order, without fused
     * multiply-add, so every caller gets bit-identical dot products.
     */
    static void dotTile(float[] v, int d, int q0, int tile, float[][] block, int size, float[][] dots) {
        float[] a0 = dots[0];
        float[] a1 = dots[1];
        float[] a2 = dots[2];
        float[] a3 = dots[3];
        int r0 = q0 * d;
        int r1 = (q0 + Math.min(1, tile - 1)) * d;
        int r2 = (q0 + Math.min(2, tile - 1)) * d;
        int r3 = (q0 + Math.min(3, tile - 1)) * d;
        float[] first = block[0];
        float x0 = v[r0];
        float x1 = v[r1];
        float x2 = v[r2];
        float x3 = v[r3];
        for (int j = 0; j < size; j++) {
            float r = first[j];
            a0[j] = x0 * r;
            a1[j] = x1 * r;
            a2[j] = x2 * r;
            a3[j] = x3 * r;
        }
        for (int t = 1; t < d; t++) {
            x0 = v[r0 + t];
            x1 = v[r1 + t];
            x2 = v[r2 + t];
            x3 = v[r3 + t];
            float[] row = block[t];
            for (int j = 0; j < size; j++) {
                float r = row[j];
                a0[j] += x0 * r;
                a1[j] += x1 * r;
                a2[j] += x2 * r;
                a3[j] += x3 * r;
            }
        }
    }

    /** Approximate distances of one query to a block (same-index arrays only, so the loop vectorises). */
    private void toDistances(int qi, float[] dot, float[] norms, int size, float[] out) {
        if (metric == DistanceMetric.COSINE) {
            for (int j = 0; j < size; j++) {
                out[j] = Math.max(1f - dot[j], 0f); // rounding can dip below 0; refined later
            }
        } else {
            float qn = queryNorms[qi];
            for (int j = 0; j < size; j++) {
                // squared for now; sqrt only for the k kept. Clamped: rounding can make it slightly negative
                out[j] = Math.max(qn + norms[j] - 2f * dot[j], 0f);
            }
        }
    }

    /**
     * Offers a block's distances to one query's candidates, skipping {@code self} (or -1). A key is the distance's
     * bits (non-negative floats order like their bits) above the reference index: distinct keys, ties broken by
     * index, so the k kept are the same whatever the order of the offers.
     */
    private static void offer(SmallestKeys best, float[] dist, int self, int refFrom, int size) {
        int limit = (int) (best.bound() >>> 32);
        for (int j = 0; j < size; j++) {
            int bits = Float.floatToRawIntBits(dist[j]);
            if (bits <= limit && j != self) {
                best.offer(((long) bits << 32) | (refFrom + j));
                limit = (int) (best.bound() >>> 32);
            }
        }
    }

    /**
     * Recomputes the kept distances directly: {@code |q|^2 + |r|^2 - 2 q.r} in float loses all precision for
     * near-identical points, which t-SNE's bandwidth search would notice.
     */
    private void refineDistances(int qi, float[] hd, int[] hi, int size) {
        int d = queries.cols();
        float[] qv = queries.values();
        float[] rv = references.values();
        for (int e = 0; e < size; e++) {
            int q = qi * d;
            int r = hi[e] * d;
            double s = 0;
            if (metric == DistanceMetric.COSINE) {
                for (int t = 0; t < d; t++) {
                    s += (double) qv[q + t] * rv[r + t];
                }
                hd[e] = (float) (1.0 - s);
            } else {
                for (int t = 0; t < d; t++) {
                    double diff = (double) qv[q + t] - rv[r + t];
                    s += diff * diff;
                }
                hd[e] = (float) Math.sqrt(s);
            }
        }
    }

    /** Sorts the refined entries by distance (ties by index); they arrive almost sorted. */
    private static void sortAscending(float[] hd, int[] hi, int size) {
        for (int i = 1; i < size; i++) {
            float d = hd[i];
            int idx = hi[i];
            int j = i - 1;
            while (j >= 0 && (hd[j] > d || (hd[j] == d && hi[j] > idx))) {
                hd[j + 1] = hd[j];
                hi[j + 1] = hi[j];
                j--;
            }
            hd[j + 1] = d;
            hi[j + 1] = idx;
        }
    }
}
