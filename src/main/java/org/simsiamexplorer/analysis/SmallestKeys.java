package org.simsiamexplorer.analysis;

import java.util.Arrays;

/**
 * The k smallest of a stream of distinct {@code long} keys. Keys below the current bound are appended to a buffer
 * of 4k; when it is full a quickselect keeps the k smallest and the k-th becomes the new bound. Each key costs one
 * predictable comparison, and each compaction O(k). It replaces a binary heap in the exact kNN search, where about
 * {@code k ln(n/k)} candidates get in per query and each heap replacement cost ~log2(k) unpredictable branches
 * (a fifth of the search time at n = 10,000, k = 90).
 */
final class SmallestKeys {
    private final int k;
    private final long[] buffer;
    private int size;
    private long bound = Long.MAX_VALUE;

    SmallestKeys(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
        buffer = new long[Math.max(4 * k, k + 16)];
    }

    /** Keys at or above this cannot be among the k smallest seen so far ({@code Long.MAX_VALUE} until k are in). */
    long bound() {
        return bound;
    }

    void offer(long key) {
        if (key >= bound) {
            return;
        }
        buffer[size++] = key;
        if (size == buffer.length) {
            select(buffer, 0, size - 1, k - 1);
            size = k;
            bound = buffer[k - 1];
        }
    }

    /** Copies the (at most k) smallest keys into {@code out}, ascending, and returns how many there are. */
    int sortedInto(long[] out) {
        if (size > k) {
            select(buffer, 0, size - 1, k - 1);
            size = k;
        }
        Arrays.sort(buffer, 0, size);
        System.arraycopy(buffer, 0, out, 0, size);
        return size;
    }

    /** Hoare quickselect: afterwards {@code a[nth]} is in sorted position, smaller keys before it, larger after. */
    static void select(long[] a, int lo, int hi, int nth) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot, moved to a[mid]
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            long pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (nth <= j) {
                hi = j;
            } else if (nth >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
