package org.simsiamexplorer.analysis;

/** One thread's work in {@link KnnSearch}: a block of queries against all reference blocks, keeping k-best heaps. */
final class BlockSearch {
    private final FeatureMatrix queries;
    private final FeatureMatrix references;
    private final float[] queryNorms;
    private final float[] referenceNorms;
    private final float[][] blocks;
    private final int k;
    private final DistanceMetric metric;
    private final boolean excludeSelf;
    private final CancellationToken cancel;
    private final float[][] dots = new float[4][KnnSearch.REFERENCE_BLOCK];

    BlockSearch(FeatureMatrix queries, FeatureMatrix references, float[] queryNorms, float[] referenceNorms,
                float[][] blocks, int k, DistanceMetric metric, boolean excludeSelf, CancellationToken cancel) {
        this.queries = queries;
        this.references = references;
        this.queryNorms = queryNorms;
        this.referenceNorms = referenceNorms;
        this.blocks = blocks;
        this.k = k;
        this.metric = metric;
        this.excludeSelf = excludeSelf;
        this.cancel = cancel;
    }

    void run(int from, int to, int[] outNeighbours, float[] outDistances) {
        int count = to - from;
        float[] heapDist = new float[count * k];
        int[] heapIndex = new int[count * k];
        int[] heapSize = new int[count];
        float[] work = new float[KnnSearch.REFERENCE_BLOCK];
        for (int b = 0; b < blocks.length; b++) {
            cancel.throwIfCancelled();
            int refFrom = b * KnnSearch.REFERENCE_BLOCK;
            int size = Math.min(KnnSearch.REFERENCE_BLOCK, references.rows() - refFrom);
            for (int q0 = from; q0 < to; q0 += 4) {
                int tile = Math.min(4, to - q0);
                dotTile(q0, tile, blocks[b], size);
                for (int t = 0; t < tile; t++) {
                    int qi = q0 + t;
                    int slot = qi - from;
                    toDistances(qi, dots[t], refFrom, size, work);
                    offer(slot, qi, work, refFrom, size, heapDist, heapIndex, heapSize);
                }
            }
        }
        for (int slot = 0; slot < count; slot++) {
            refineDistances(from + slot, heapDist, heapIndex, slot * k, heapSize[slot]);
            sortAscending(heapDist, heapIndex, slot * k, heapSize[slot]);
            System.arraycopy(heapIndex, slot * k, outNeighbours, (from + slot) * k, k);
            System.arraycopy(heapDist, slot * k, outDistances, (from + slot) * k, k);
        }
    }

    private void dotTile(int q0, int tile, float[] block, int size) {
        dotTile(queries.values(), queries.cols(), q0, tile, block, size, dots);
    }

    /** dots[t][j] = row(q0+t) . reference(j) for a tile of up to four rows against a transposed block. */
    static void dotTile(float[] v, int d, int q0, int tile, float[] block, int size, float[][] dots) {
        float[] a0 = dots[0];
        float[] a1 = dots[1];
        float[] a2 = dots[2];
        float[] a3 = dots[3];
        java.util.Arrays.fill(a0, 0, size, 0f);
        java.util.Arrays.fill(a1, 0, size, 0f);
        java.util.Arrays.fill(a2, 0, size, 0f);
        java.util.Arrays.fill(a3, 0, size, 0f);
        int r0 = q0 * d;
        int r1 = (q0 + Math.min(1, tile - 1)) * d;
        int r2 = (q0 + Math.min(2, tile - 1)) * d;
        int r3 = (q0 + Math.min(3, tile - 1)) * d;
        for (int t = 0; t < d; t++) {
            float x0 = v[r0 + t];
            float x1 = v[r1 + t];
            float x2 = v[r2 + t];
            float x3 = v[r3 + t];
            int base = t * size;
            for (int j = 0; j < size; j++) {
                float r = block[base + j];
                a0[j] += x0 * r;
                a1[j] += x1 * r;
                a2[j] += x2 * r;
                a3[j] += x3 * r;
            }
        }
    }

    private void toDistances(int qi, float[] dot, int refFrom, int size, float[] out) {
        if (metric == DistanceMetric.COSINE) {
            for (int j = 0; j < size; j++) {
                out[j] = 1f - dot[j];
            }
        } else {
            float qn = queryNorms[qi];
            for (int j = 0; j < size; j++) {
                float sq = qn + referenceNorms[refFrom + j] - 2f * dot[j];
                out[j] = sq > 0f ? sq : 0f; // squared for now; sqrt only for the k kept
            }
        }
    }

    private void offer(int slot, int qi, float[] dist, int refFrom, int size,
                       float[] heapDist, int[] heapIndex, int[] heapSize) {
        int base = slot * k;
        int filled = heapSize[slot];
        for (int j = 0; j < size; j++) {
            int ref = refFrom + j;
            if (excludeSelf && ref == qi) {
                continue;
            }
            float dj = dist[j];
            if (filled < k) {
                siftUp(heapDist, heapIndex, base, filled, dj, ref);
                filled++;
            } else if (dj < heapDist[base]) {
                siftDown(heapDist, heapIndex, base, k, dj, ref);
            }
        }
        heapSize[slot] = filled;
    }

    private static void siftUp(float[] hd, int[] hi, int base, int pos, float d, int idx) {
        while (pos > 0) {
            int parent = (pos - 1) >> 1;
            if (hd[base + parent] >= d) {
                break;
            }
            hd[base + pos] = hd[base + parent];
            hi[base + pos] = hi[base + parent];
            pos = parent;
        }
        hd[base + pos] = d;
        hi[base + pos] = idx;
    }

    /** Replaces the root (largest) and restores the max-heap. */
    private static void siftDown(float[] hd, int[] hi, int base, int size, float d, int idx) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && hd[base + child + 1] > hd[base + child]) {
                child++;
            }
            if (hd[base + child] <= d) {
                break;
            }
            hd[base + pos] = hd[base + child];
            hi[base + pos] = hi[base + child];
            pos = child;
        }
        hd[base + pos] = d;
        hi[base + pos] = idx;
    }

    /**
     * Recomputes the kept distances directly: {@code |q|^2 + |r|^2 - 2 q.r} in float loses all precision for
     * near-identical points, which t-SNE's bandwidth search would notice.
     */
    private void refineDistances(int qi, float[] hd, int[] hi, int base, int size) {
        int d = queries.cols();
        float[] qv = queries.values();
        float[] rv = references.values();
        for (int e = base; e < base + size; e++) {
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

    /** Sorts a heap's entries by distance (ties by index). */
    private void sortAscending(float[] hd, int[] hi, int base, int size) {
        for (int i = base + 1; i < base + size; i++) {
            float d = hd[i];
            int idx = hi[i];
            int j = i - 1;
            while (j >= base && (hd[j] > d || (hd[j] == d && hi[j] > idx))) {
                hd[j + 1] = hd[j];
                hi[j + 1] = hi[j];
                j--;
            }
            hd[j + 1] = d;
            hi[j + 1] = idx;
        }
    }
}
